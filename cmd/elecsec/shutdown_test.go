package main

import (
	"encoding/json"
	"errors"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestGracefulShutdown runs the real binary in HTTP mode, sends it a signal while an
// answer is being delivered, and checks that it stops taking requests, still delivers
// that answer, and exits 0.
func TestGracefulShutdown(t *testing.T) {
	bin := buildElecsec(t)
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGINT} {
		t.Run(sig.String(), func(t *testing.T) {
			t.Parallel()
			testGracefulShutdown(t, bin, sig)
		})
	}
}

func testGracefulShutdown(t *testing.T, bin string, sig syscall.Signal) {
	f := newFakeSlack(t)
	arrived := make(chan struct{}, 1)
	release := make(chan struct{})
	delivered := make(chan []byte, 1)
	// The answer's delivery is held open until the test has signalled the server.
	f.respond = func(w http.ResponseWriter, r *http.Request, body []byte) {
		arrived <- struct{}{}
		select {
		case <-release:
		case <-time.After(20 * time.Second):
		}
		delivered <- body
		w.Write([]byte("ok"))
	}

	dir := t.TempDir()
	cmd := exec.Command(bin)
	cmd.Dir = dir
	cmd.Env = []string{
		"SLACK_BOT_TOKEN=" + testBotToken,
		"SLACK_SIGNING_SECRET=" + testSecret,
		"SLACK_API_URL=" + f.apiURL(),
		"ELECSEC_ADDR=127.0.0.1:0",
		"ELECSEC_DATABASE_URL=sqlite:" + filepath.Join(dir, "elecsec.db"),
	}
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	logs := newLogLines()
	go func() {
		logs.read(stderr)
		exited <- cmd.Wait()
	}()
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			cmd.Process.Kill()
		}
	})

	addr, _ := logs.waitMsg(t, "serving")["addr"].(string)
	if addr == "" {
		t.Fatalf("no listen address in the logs:\n%s", logs)
	}
	base := "http://" + addr
	waitHTTP(t, base+"/readyz", http.StatusOK)

	resp, err := http.DefaultClient.Do(slashCommand(t, base, "who urged sanctions", f.responseURL()))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("slash command acked %d; want 200", resp.StatusCode)
	}
	select {
	case <-arrived:
	case <-time.After(10 * time.Second):
		t.Fatal("the answer never reached response_url")
	}

	if err := cmd.Process.Signal(sig); err != nil {
		t.Fatal(err)
	}
	// While the answer is still in flight, the server stops accepting connections.
	logs.waitMsg(t, "shutting down: finishing answers in flight")
	deadline := time.Now().Add(5 * time.Second)
	for {
		c, err := net.DialTimeout("tcp", addr, time.Second)
		if err != nil {
			break
		}
		c.Close()
		if time.Now().After(deadline) {
			t.Fatal("still accepting connections 5s after the signal")
		}
		time.Sleep(20 * time.Millisecond)
	}
	select {
	case err := <-exited:
		t.Fatalf("exited (%v) before the answer in flight was delivered", err)
	default:
	}

	close(release)
	var body []byte
	select {
	case body = <-delivered:
	case <-time.After(5 * time.Second):
		t.Fatal("the answer was not delivered")
	}
	select {
	case err := <-exited:
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			t.Fatalf("exit status %d after %v; want 0\n%s", exit.ExitCode(), sig, logs)
		} else if err != nil {
			t.Fatal(err)
		}
	case <-time.After(15 * time.Second):
		t.Fatalf("still running 15s after %v", sig)
	}

	var msg struct {
		ResponseType string            `json:"response_type"`
		Text         string            `json:"text"`
		Blocks       []json.RawMessage `json:"blocks"`
	}
	if err := json.Unmarshal(body, &msg); err != nil {
		t.Fatalf("response_url body %s: %v", body, err)
	}
	if msg.ResponseType != "ephemeral" || len(msg.Blocks) == 0 || !strings.Contains(string(body), "Schumer") {
		t.Errorf("delivered %s; want an ephemeral answer with blocks naming Schumer", body)
	}
	l := logs.String()
	for _, msg := range []string{`"msg":"answered"`, `"msg":"stopped"`} {
		if !strings.Contains(l, msg) {
			t.Errorf("logs lack %s:\n%s", msg, l)
		}
	}
	if strings.Contains(l, "urged sanctions") || strings.Contains(l, testBotToken) || strings.Contains(l, testSecret) {
		t.Errorf("logs contain the query or a secret:\n%s", l)
	}
	if _, err := os.Stat(filepath.Join(dir, "elecsec.db")); err != nil {
		t.Errorf("the store was not opened: %v", err)
	}
}
