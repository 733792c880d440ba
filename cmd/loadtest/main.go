// Command loadtest measures elecsec in HTTP mode under the load of a busy workspace.
//
// It starts the real elecsec binary on loopback, with a fake Slack Web API and a fake
// response_url receiver of its own (also on loopback), and a SQLite store holding digest
// subscriptions that are all due, so the digest sweep runs while the load does. Then
// -clients concurrent clients send signed /elecsec slash commands, each waiting for its
// ack before sending the next, until -duration has passed or -requests have been sent.
// It waits for every acked answer to reach its response_url and reports throughput, ack
// latency (p50, p99), time to the delivered answer (p50, p99), errors and lost answers,
// and the digests posted meanwhile. It exits 1 when an error or a lost answer occurred or
// a target (-min-rps, -max-p99-ack) was missed.
//
//	go run ./cmd/loadtest                      # builds ./cmd/elecsec, 50 clients, 15 s
//	go run ./cmd/loadtest -bin ./elecsec -clients 100 -duration 30s
//
// Nothing leaves the machine: every address is 127.0.0.1.
package main

import (
	"bufio"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/elecsec/elecsec/corpus"
	"github.com/elecsec/elecsec/seeds"
	"github.com/elecsec/elecsec/store"
	_ "github.com/elecsec/elecsec/store/sqlite" // the store the server is given
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "loadtest:", err)
		os.Exit(1)
	}
}

// options are the command line's settings.
type options struct {
	bin           string
	clients       int
	duration      time.Duration
	requests      int
	subscriptions int
	digestDelay   time.Duration
	minRPS        float64
	maxP99Ack     time.Duration
	logLevel      string
	rateLimit     int
	users         int
	env           []string
}

const (
	botToken      = "xoxb-loadtest-bot-token"
	signingSecret = "loadtest-signing-secret-0123456789"
)

// queryMix is what the clients ask, in turn: answers of every shape, and some that find
// nothing. The names and words come from the corpus the server answers from (the embedded
// seeds), so the mix follows the corpus rather than naming anyone.
func queryMix() ([]string, error) {
	c, err := corpus.Load(seeds.FS)
	if err != nil {
		return nil, err
	}
	quoted := map[string]int{}
	for _, q := range c.Quotes {
		for _, s := range q.Speakers {
			quoted[s]++
		}
	}
	people := slices.Clone(c.Actors)
	slices.SortStableFunc(people, func(a, b *corpus.Actor) int { return quoted[b.ID] - quoted[a.ID] })
	mix := []string{"actors", "sources", "help", "zyzzyva quokka marimba"}
	for _, a := range people[:min(3, len(people))] {
		surname := a.Name[strings.LastIndexByte(a.Name, ' ')+1:]
		mix = append(mix, "quotes from "+surname, strings.ToLower(surname))
	}
	for _, at := range c.Attributions[:min(3, len(c.Attributions))] {
		words := strings.Fields(at.Clause())
		mix = append(mix, "who "+at.Verb+" "+strings.Join(words[:min(4, len(words))], " "))
	}
	for _, d := range c.Documents[:min(3, len(c.Documents))] {
		words := strings.Fields(d.Title)
		mix = append(mix, strings.Join(words[:min(4, len(words))], " "))
	}
	return mix, nil
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var o options
	fl := flag.NewFlagSet("loadtest", flag.ContinueOnError)
	fl.SetOutput(stderr)
	fl.StringVar(&o.bin, "bin", "", "elecsec binary to run; empty builds ./cmd/elecsec with the Dockerfile's command")
	fl.IntVar(&o.clients, "clients", 50, "concurrent clients, each sending its next request once the last is acked")
	fl.DurationVar(&o.duration, "duration", 15*time.Second, "how long to send requests")
	fl.IntVar(&o.requests, "requests", 200000, "the most requests to send")
	fl.IntVar(&o.subscriptions, "subscriptions", 1000, "channels subscribed to a digest due now, for the sweep to post during the load")
	fl.DurationVar(&o.digestDelay, "digest-delay", 15*time.Millisecond, "how long the fake chat.postMessage takes, so the sweep lasts")
	fl.Float64Var(&o.minRPS, "min-rps", 3000, "target: acked requests per second")
	fl.DurationVar(&o.maxP99Ack, "max-p99-ack", 50*time.Millisecond, "target: 99th percentile of ack latency")
	fl.StringVar(&o.logLevel, "log-level", "info", "the server's ELECSEC_LOG_LEVEL")
	fl.IntVar(&o.rateLimit, "rate-limit", 100000, "the server's ELECSEC_RATE_LIMIT (per user per minute); high, so the limiter runs but does not refuse")
	fl.IntVar(&o.users, "users", 1000, "distinct Slack users the requests come from")
	fl.Func("env", "KEY=VALUE to add to the server's environment; repeatable", func(kv string) error {
		if !strings.Contains(kv, "=") {
			return fmt.Errorf("-env %q: want KEY=VALUE", kv)
		}
		o.env = append(o.env, kv)
		return nil
	})
	if err := fl.Parse(args); err != nil {
		return err
	}
	if o.clients < 1 || o.requests < 1 || o.duration <= 0 || o.users < 1 {
		return errors.New("-clients, -requests, -duration and -users must be positive")
	}

	dir, err := os.MkdirTemp("", "elecsec-loadtest-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)

	bin := o.bin
	if bin == "" {
		bin = filepath.Join(dir, "elecsec")
		if err := buildElecsec(ctx, bin, stderr); err != nil {
			return err
		}
	}

	dbURL := "sqlite:" + filepath.Join(dir, "elecsec.db")
	if err := subscribe(ctx, dbURL, o.subscriptions); err != nil {
		return err
	}

	fake, err := startFakeSlack(o.requests, o.digestDelay)
	if err != nil {
		return err
	}
	defer fake.srv.Close()

	srv, err := startElecsec(ctx, bin, dir, append([]string{
		"SLACK_BOT_TOKEN=" + botToken,
		"SLACK_SIGNING_SECRET=" + signingSecret,
		"SLACK_API_URL=" + fake.base + "/api/",
		"ELECSEC_ADDR=127.0.0.1:0",
		"ELECSEC_DATABASE_URL=" + dbURL,
		"ELECSEC_LOG_LEVEL=" + o.logLevel,
		"ELECSEC_RATE_LIMIT=" + strconv.Itoa(o.rateLimit),
	}, o.env...))
	if err != nil {
		return err
	}
	defer srv.kill()

	queries, err := queryMix()
	if err != nil {
		return err
	}
	res := load(ctx, o, queries, srv.base, fake)
	res.digestsDuring = fake.digestsBetween(res.start, res.end)
	res.metrics = scrape(srv.base)
	res.exit = srv.stop(15 * time.Second)
	if ps := srv.cmd.ProcessState; ps != nil {
		res.serverCPU = ps.UserTime() + ps.SystemTime()
	}
	var self syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &self) == nil {
		res.loadCPU = time.Duration(self.Utime.Nano() + self.Stime.Nano())
	}
	res.digestsTotal = fake.digests()
	res.report(stdout, o)
	return res.verdict(o)
}

// buildElecsec builds ./cmd/elecsec of the module the working directory is in, as the
// Dockerfile does, into bin.
func buildElecsec(ctx context.Context, bin string, stderr io.Writer) error {
	gomod, err := exec.CommandContext(ctx, "go", "env", "GOMOD").Output()
	if err != nil || strings.TrimSpace(string(gomod)) == "" || strings.TrimSpace(string(gomod)) == os.DevNull {
		return errors.New("not inside the elecsec module: run from the repository, or pass -bin")
	}
	fmt.Fprintln(stderr, "building ./cmd/elecsec …")
	build := exec.CommandContext(ctx, "go", "build", "-trimpath", "-o", bin, "./cmd/elecsec")
	build.Dir = filepath.Dir(strings.TrimSpace(string(gomod)))
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	build.Stderr = stderr
	if err := build.Run(); err != nil {
		return fmt.Errorf("building elecsec: %w", err)
	}
	return nil
}

// subscribe puts n digest subscriptions, made days ago and due at midnight UTC, in the store.
func subscribe(ctx context.Context, dbURL string, n int) error {
	st, err := store.Open(ctx, dbURL, nil)
	if err != nil {
		return err
	}
	defer st.Close()
	for i := range n {
		err := st.PutSubscription(ctx, store.Subscription{
			ChannelID: fmt.Sprintf("CLOAD%05d", i), TeamID: "T1", At: "00:00", Zone: "UTC",
			CreatedBy: "U1", CreatedAt: time.Now().Add(-72 * time.Hour),
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// fakeSlack is the Web API and response_url receiver the server talks to.
type fakeSlack struct {
	srv       *http.Server
	base      string
	delivered []atomic.Int64 // by request number: when its answer arrived, Unix ns
	extra     atomic.Int64   // response_url posts beyond the first per request
	bad       atomic.Int64   // response_url posts for no request, or without blocks
	delay     time.Duration

	mu     sync.Mutex
	posted []time.Time // digest posts
}

func startFakeSlack(requests int, delay time.Duration) (*fakeSlack, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	f := &fakeSlack{base: "http://" + ln.Addr().String(), delivered: make([]atomic.Int64, requests), delay: delay}
	f.srv = &http.Server{Handler: http.HandlerFunc(f.serve), ReadHeaderTimeout: 5 * time.Second}
	go f.srv.Serve(ln)
	return f, nil
}

func (f *fakeSlack) serve(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	if id, ok := strings.CutPrefix(r.URL.Path, "/respond/"); ok {
		f.respond(id, body)
		io.WriteString(w, "ok")
		return
	}
	w.Header().Set("Content-Type", "application/json")
	switch strings.TrimPrefix(r.URL.Path, "/api/") {
	case "auth.test":
		io.WriteString(w, `{"ok":true,"user_id":"UBOT","bot_id":"BBOT","team_id":"T1","user":"elecsec"}`)
	case "chat.postMessage":
		time.Sleep(f.delay)
		f.mu.Lock()
		f.posted = append(f.posted, time.Now())
		n := len(f.posted)
		f.mu.Unlock()
		fmt.Fprintf(w, `{"ok":true,"channel":"C1","ts":"1700000000.%06d"}`, n)
	case "users.info":
		io.WriteString(w, `{"ok":true,"user":{"id":"U1","tz":"UTC"}}`)
	default:
		io.WriteString(w, `{"ok":false,"error":"unknown_method"}`)
	}
}

// respond records the answer to request id, which must carry blocks.
func (f *fakeSlack) respond(id string, body []byte) {
	n, err := strconv.Atoi(id)
	if err != nil || n < 0 || n >= len(f.delivered) || !strings.Contains(string(body), `"blocks"`) {
		f.bad.Add(1)
		return
	}
	if !f.delivered[n].CompareAndSwap(0, time.Now().UnixNano()) {
		f.extra.Add(1)
	}
}

func (f *fakeSlack) digests() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.posted)
}

func (f *fakeSlack) digestsBetween(from, to time.Time) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	n := 0
	for _, t := range f.posted {
		if !t.Before(from) && !t.After(to) {
			n++
		}
	}
	return n
}

// server is the elecsec process under test.
type server struct {
	cmd    *exec.Cmd
	base   string
	exited chan error
}

var servingAddr = regexp.MustCompile(`"msg":"serving".*?"addr":"([^"]+)"`)

// startElecsec runs bin with env in dir and waits until /readyz answers 200.
func startElecsec(ctx context.Context, bin, dir string, env []string) (*server, error) {
	cmd := exec.Command(bin)
	cmd.Dir = dir
	cmd.Env = env
	logs, err := os.Create(filepath.Join(dir, "elecsec.log"))
	if err != nil {
		return nil, err
	}
	pipe, err := cmd.StderrPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	s := &server{cmd: cmd, exited: make(chan error, 1)}
	addr := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(pipe)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			if m := servingAddr.FindSubmatch(sc.Bytes()); m != nil {
				select {
				case addr <- string(m[1]):
				default:
				}
			}
			logs.Write(append(sc.Bytes(), '\n'))
		}
		logs.Close()
		s.exited <- cmd.Wait()
	}()
	select {
	case a := <-addr:
		s.base = "http://" + a
	case err := <-s.exited:
		return nil, fmt.Errorf("elecsec exited before serving: %v (see its log)", err)
	case <-time.After(30 * time.Second):
		s.kill()
		return nil, errors.New("elecsec did not start serving within 30s")
	case <-ctx.Done():
		s.kill()
		return nil, ctx.Err()
	}
	deadline := time.Now().Add(30 * time.Second)
	for {
		resp, err := http.Get(s.base + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return s, nil
			}
		}
		if time.Now().After(deadline) {
			s.kill()
			return nil, fmt.Errorf("elecsec not ready within 30s: %v", err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// stop sends SIGTERM and waits up to grace for a clean exit.
func (s *server) stop(grace time.Duration) error {
	if err := s.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		return err
	}
	select {
	case err := <-s.exited:
		s.exited <- err
		return err
	case <-time.After(grace):
		s.kill()
		return fmt.Errorf("still running %v after SIGTERM", grace)
	}
}

func (s *server) kill() {
	if s.cmd.ProcessState == nil {
		s.cmd.Process.Kill()
	}
}

// result is what a load run measured.
type result struct {
	start, end    time.Time
	sent, acked   int
	errors        int
	firstErrors   []string
	ack           []time.Duration // per acked request
	deliver       []time.Duration // per delivered answer: from send to arrival
	lost          int
	duplicate     int64
	bad           int64
	digestsDuring int
	digestsTotal  int
	metrics       map[string]float64
	exit          error
	serverCPU     time.Duration // user and system time of the server, start to exit
	loadCPU       time.Duration // of this process: the clients and the fake Slack
}

// sentAt is one request's send time, by request number; zero when it was not acked.
type sentAt struct{ at atomic.Int64 }

// load runs the clients and waits for the answers.
func load(ctx context.Context, o options, queries []string, base string, fake *fakeSlack) *result {
	transport := &http.Transport{MaxIdleConns: o.clients * 2, MaxIdleConnsPerHost: o.clients * 2, IdleConnTimeout: time.Minute}
	client := &http.Client{Transport: transport, Timeout: 10 * time.Second}
	defer transport.CloseIdleConnections()

	sent := make([]sentAt, o.requests)
	var next atomic.Int64
	res := &result{}
	var mu sync.Mutex

	// Requests are not cancelled at the end: each client finishes the one it is sending.
	res.start = time.Now()
	stop := res.start.Add(o.duration)
	var wg sync.WaitGroup
	for c := range o.clients {
		wg.Go(func() {
			var acks []time.Duration
			var errs []string
			for ctx.Err() == nil && time.Now().Before(stop) {
				n := int(next.Add(1)) - 1
				if n >= o.requests {
					break
				}
				t0 := time.Now()
				err := send(context.WithoutCancel(ctx), client, base, fake.base, n, fmt.Sprintf("U%05d", (n*7+c)%o.users), queries[n%len(queries)])
				d := time.Since(t0)
				if err != nil {
					errs = append(errs, err.Error())
					continue
				}
				sent[n].at.Store(t0.UnixNano())
				acks = append(acks, d)
			}
			mu.Lock()
			res.ack = append(res.ack, acks...)
			res.errors += len(errs)
			for _, e := range errs {
				if len(res.firstErrors) < 5 {
					res.firstErrors = append(res.firstErrors, e)
				}
			}
			mu.Unlock()
		})
	}
	wg.Wait()
	res.end = time.Now()
	res.sent = min(int(next.Load()), o.requests)
	res.acked = len(res.ack)

	// Every acked answer must arrive; give the stragglers 30 s.
	deadline := time.Now().Add(30 * time.Second)
	for {
		missing := 0
		for i := range res.sent {
			if sent[i].at.Load() != 0 && fake.delivered[i].Load() == 0 {
				missing++
			}
		}
		if missing == 0 || time.Now().After(deadline) {
			res.lost = missing
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	for i := range res.sent {
		if s, d := sent[i].at.Load(), fake.delivered[i].Load(); s != 0 && d != 0 {
			res.deliver = append(res.deliver, time.Duration(d-s))
		}
	}
	res.duplicate = fake.extra.Load()
	res.bad = fake.bad.Load()
	return res
}

// send posts one signed slash command and waits for its ack.
func send(ctx context.Context, client *http.Client, base, fakeBase string, n int, user, text string) error {
	body := url.Values{
		"token": {"legacy"}, "team_id": {"T1"}, "channel_id": {"CASK"}, "channel_name": {"election-security"},
		"user_id": {user}, "user_name": {strings.ToLower(user)}, "command": {"/elecsec"}, "text": {text},
		"response_url": {fmt.Sprintf("%s/respond/%d", fakeBase, n)}, "trigger_id": {"1.2.3"},
	}.Encode()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, base+"/slack/commands", strings.NewReader(body))
	if err != nil {
		return err
	}
	stamp := strconv.FormatInt(time.Now().Unix(), 10)
	mac := hmac.New(sha256.New, []byte(signingSecret))
	io.WriteString(mac, "v0:"+stamp+":"+body)
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("X-Slack-Request-Timestamp", stamp)
	req.Header.Set("X-Slack-Signature", "v0="+hex.EncodeToString(mac.Sum(nil)))
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("ack %d", resp.StatusCode)
	}
	return nil
}

// scrape reads a few counters from the server's /metrics.
func scrape(base string) map[string]float64 {
	out := map[string]float64{}
	resp, err := http.Get(base + "/metrics")
	if err != nil {
		return out
	}
	defer resp.Body.Close()
	sc := bufio.NewScanner(resp.Body)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if !strings.HasPrefix(line, "elecsec_") || strings.Contains(line, "_bucket{") {
			continue
		}
		i := strings.LastIndexByte(line, ' ')
		if v, err := strconv.ParseFloat(line[i+1:], 64); err == nil {
			out[line[:i]] = v
		}
	}
	return out
}

func percentile(ds []time.Duration, p float64) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	i := int(p*float64(len(s))+0.5) - 1
	return s[max(0, min(i, len(s)-1))]
}

func (r *result) rps() float64 { return float64(r.acked) / r.end.Sub(r.start).Seconds() }

func (r *result) report(w io.Writer, o options) {
	ms := func(d time.Duration) string { return fmt.Sprintf("%.2f ms", float64(d)/float64(time.Millisecond)) }
	fmt.Fprintf(w, "elecsec load test: %d clients, %v, HTTP mode on loopback, %d digest subscriptions due\n",
		o.clients, r.end.Sub(r.start).Round(time.Millisecond), o.subscriptions)
	fmt.Fprintf(w, "  requests sent        %d\n", r.sent)
	fmt.Fprintf(w, "  acked (200)          %d  (%.0f req/s)\n", r.acked, r.rps())
	fmt.Fprintf(w, "  errors               %d\n", r.errors)
	for _, e := range r.firstErrors {
		fmt.Fprintf(w, "    %s\n", e)
	}
	fmt.Fprintf(w, "  ack latency          p50 %s  p99 %s  max %s\n", ms(percentile(r.ack, 0.5)), ms(percentile(r.ack, 0.99)), ms(percentile(r.ack, 1)))
	fmt.Fprintf(w, "  answers delivered    %d  lost %d  duplicated %d  malformed %d\n", len(r.deliver), r.lost, r.duplicate, r.bad)
	fmt.Fprintf(w, "  time to answer       p50 %s  p99 %s  max %s\n", ms(percentile(r.deliver, 0.5)), ms(percentile(r.deliver, 0.99)), ms(percentile(r.deliver, 1)))
	fmt.Fprintf(w, "  CPU time             server %.1f s, load generator and fakes %.1f s (%d CPUs)\n", r.serverCPU.Seconds(), r.loadCPU.Seconds(), runtime.NumCPU())
	fmt.Fprintf(w, "  digests posted       %d during the load, %d in all\n", r.digestsDuring, r.digestsTotal)
	keys := make([]string, 0, len(r.metrics))
	for k := range r.metrics {
		if strings.HasPrefix(k, "elecsec_requests_total") || strings.HasPrefix(k, "elecsec_empty_answers_total") ||
			strings.HasPrefix(k, "elecsec_digest_posts_total") || strings.HasPrefix(k, "elecsec_slack_api_calls_total") {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	if len(keys) > 0 {
		fmt.Fprintln(w, "  server metrics at the end:")
		for _, k := range keys {
			fmt.Fprintf(w, "    %s %g\n", k, r.metrics[k])
		}
	}
	exit := "0"
	if r.exit != nil {
		exit = r.exit.Error()
	}
	fmt.Fprintf(w, "  exit after SIGTERM   %s\n", exit)
	b, _ := json.Marshal(map[string]any{
		"clients": o.clients, "seconds": r.end.Sub(r.start).Seconds(), "acked": r.acked, "rps": r.rps(),
		"ack_p50_ms": percentile(r.ack, 0.5).Seconds() * 1000, "ack_p99_ms": percentile(r.ack, 0.99).Seconds() * 1000,
		"answer_p99_ms": percentile(r.deliver, 0.99).Seconds() * 1000, "errors": r.errors, "lost": r.lost,
		"digests_during": r.digestsDuring,
	})
	fmt.Fprintf(w, "  json %s\n", b)
}

// verdict is nil when the run met every target.
func (r *result) verdict(o options) error {
	var fails []string
	if r.errors > 0 {
		fails = append(fails, fmt.Sprintf("%d errors", r.errors))
	}
	if r.lost > 0 || r.duplicate > 0 || r.bad > 0 {
		fails = append(fails, fmt.Sprintf("%d answers lost, %d duplicated, %d malformed", r.lost, r.duplicate, r.bad))
	}
	if r.rps() < o.minRPS {
		fails = append(fails, fmt.Sprintf("%.0f req/s acked < %.0f", r.rps(), o.minRPS))
	}
	if p := percentile(r.ack, 0.99); p > o.maxP99Ack {
		fails = append(fails, fmt.Sprintf("p99 ack %v > %v", p, o.maxP99Ack))
	}
	if r.exit != nil {
		fails = append(fails, "unclean exit: "+r.exit.Error())
	}
	if len(fails) > 0 {
		return errors.New("missed: " + strings.Join(fails, "; "))
	}
	return nil
}
