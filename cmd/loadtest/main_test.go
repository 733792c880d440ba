package main

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

func TestPercentile(t *testing.T) {
	ds := []time.Duration{5, 1, 4, 2, 3, 10, 9, 8, 7, 6}
	tests := []struct {
		p    float64
		want time.Duration
	}{{0.5, 5}, {0.99, 10}, {1, 10}, {0, 1}, {0.1, 1}}
	for _, tt := range tests {
		if got := percentile(ds, tt.p); got != tt.want {
			t.Errorf("percentile(1..10, %v) = %v; want %v", tt.p, got, tt.want)
		}
	}
	if got := percentile(nil, 0.99); got != 0 {
		t.Errorf("percentile(nil) = %v; want 0", got)
	}
}

// TestLoadSmoke runs a short, light load against the real binary: every request acked,
// every answer delivered, digests posted, a clean exit.
func TestLoadSmoke(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the server; skipped with -short")
	}
	var out, errOut bytes.Buffer
	err := run(t.Context(), []string{"-clients", "4", "-duration", "1s", "-requests", "400",
		"-subscriptions", "3", "-digest-delay", "0s", "-min-rps", "0", "-max-p99-ack", "10s"}, &out, &errOut)
	if err != nil {
		t.Fatalf("loadtest: %v\n%s\n%s", err, &out, &errOut)
	}
	for _, want := range []string{"errors               0", "lost 0  duplicated 0  malformed 0", "exit after SIGTERM   0"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, &out)
		}
	}
}
