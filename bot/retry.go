package bot

import (
	"context"
	"errors"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// retryClient is the HTTP client behind every outbound call to Slack, the Web API and
// response_url alike. Each attempt has its own timeout. It retries a call only when the
// answer proves Slack did not act on it, so a message is never posted twice:
//
//   - 429 always: Slack refused the call. The wait is Retry-After when given, else backoff.
//   - 503, and failures to connect at all: nothing was accepted.
//   - other 5xx and errors after the request went out: retried only for reads
//     (idempotent methods such as users.info), never for posts.
//
// Backoff doubles from base up to maxBackoff, with jitter so replicas do not retry in step.
// A wait that would outlast the caller's deadline or maxWait is not taken: the last answer
// is returned instead.
type retryClient struct {
	client     *http.Client
	attempts   int
	base       time.Duration
	maxBackoff time.Duration
	maxWait    time.Duration
	sleep      func(context.Context, time.Duration) error
	jitter     func(time.Duration) time.Duration
	idempotent func(*http.Request) bool
	observe    func(req *http.Request, status int, err error)
}

// attemptTimeout caps each HTTP attempt; callers put an overall deadline on the context.
const attemptTimeout = 10 * time.Second

func newRetryClient(idempotent func(*http.Request) bool, observe func(*http.Request, int, error)) *retryClient {
	transport := http.DefaultTransport.(*http.Transport).Clone()
	transport.MaxIdleConnsPerHost = 64
	return &retryClient{
		client:     &http.Client{Timeout: attemptTimeout, Transport: transport},
		attempts:   4,
		base:       250 * time.Millisecond,
		maxBackoff: 8 * time.Second,
		maxWait:    60 * time.Second,
		sleep:      sleepContext,
		jitter:     func(d time.Duration) time.Duration { return d/2 + rand.N(d/2+1) },
		idempotent: idempotent,
		observe:    observe,
	}
}

// Do sends req, retrying as described on retryClient. It satisfies slack-go's httpClient.
func (c *retryClient) Do(req *http.Request) (*http.Response, error) {
	ctx := req.Context()
	for attempt := 0; ; attempt++ {
		try := req
		if attempt > 0 {
			try = req.Clone(ctx)
			if req.GetBody != nil {
				body, err := req.GetBody()
				if err != nil {
					return nil, err
				}
				try.Body = body
			}
		}
		resp, err := c.client.Do(try)
		status := 0
		if resp != nil {
			status = resp.StatusCode
		}
		if c.observe != nil {
			c.observe(req, status, err)
		}
		wait, retry := c.shouldRetry(req, resp, err, attempt)
		if !retry {
			return resp, err
		}
		if deadline, ok := ctx.Deadline(); ok && time.Until(deadline) < wait {
			return resp, err
		}
		if resp != nil {
			_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
			resp.Body.Close()
		}
		if err := c.sleep(ctx, wait); err != nil {
			return nil, err
		}
	}
}

// shouldRetry decides whether attempt's outcome calls for another, and after what wait.
func (c *retryClient) shouldRetry(req *http.Request, resp *http.Response, err error, attempt int) (time.Duration, bool) {
	if attempt+1 >= c.attempts || (req.Body != nil && req.Body != http.NoBody && req.GetBody == nil) {
		return 0, false
	}
	if req.Context().Err() != nil {
		return 0, false
	}
	backoff := c.jitter(min(c.maxBackoff, c.base<<attempt))
	safe := c.idempotent != nil && c.idempotent(req)
	switch {
	case err != nil:
		if safe || notSent(err) {
			return backoff, true
		}
		return 0, false
	case resp.StatusCode == http.StatusTooManyRequests:
		if after, ok := retryAfter(resp.Header); ok {
			return after, after <= c.maxWait
		}
		return backoff, true
	case resp.StatusCode == http.StatusServiceUnavailable:
		return backoff, true
	case resp.StatusCode >= 500:
		return backoff, safe
	}
	return 0, false
}

// retryAfter reads a Retry-After header given in seconds, as Slack sends it.
func retryAfter(h http.Header) (time.Duration, bool) {
	s := strings.TrimSpace(h.Get("Retry-After"))
	if s == "" {
		return 0, false
	}
	secs, err := strconv.Atoi(s)
	if err != nil || secs < 0 {
		return 0, false
	}
	return time.Duration(secs) * time.Second, true
}

// notSent reports whether err happened before any of the request reached the server:
// the connection was never made, so nothing can have been accepted.
func notSent(err error) bool {
	var op *net.OpError
	if errors.As(err, &op) && op.Op == "dial" {
		return true
	}
	var dns *net.DNSError
	return errors.As(err, &dns)
}
