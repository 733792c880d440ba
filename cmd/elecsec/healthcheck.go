package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/elecsec/elecsec/config"
)

// healthcheckTimeout bounds one probe, well inside a container runtime's own timeout.
const healthcheckTimeout = 3 * time.Second

// healthcheck is "elecsec healthcheck [--ready]": it asks the server on ELECSEC_ADDR for
// /healthz (or /readyz with --ready) and fails unless the answer is 200. It exists for the
// container's HEALTHCHECK: the runtime image has no shell and no curl.
func healthcheck(ctx context.Context, args []string, cfg config.Config, stdout, stderr io.Writer) error {
	fl := flag.NewFlagSet("healthcheck", flag.ContinueOnError)
	fl.SetOutput(stderr)
	readyz := fl.Bool("ready", false, "probe /readyz (able to answer) instead of /healthz (alive)")
	if err := fl.Parse(args); err != nil {
		return usageError{err}
	}
	if fl.NArg() > 0 {
		return usageError{fmt.Errorf("healthcheck: unexpected argument %q", fl.Arg(0))}
	}
	path := "/healthz"
	if *readyz {
		path = "/readyz"
	}
	u, err := probeURL(cfg.Addr, path)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, healthcheckTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return fmt.Errorf("healthcheck: %w", err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("healthcheck: %s answered %s: %s", path, resp.Status, strings.TrimSpace(string(body)))
	}
	fmt.Fprintf(stdout, "%s", body)
	return nil
}

// probeURL is the URL of path on the server listening on addr: a wildcard or empty host
// is probed on loopback.
func probeURL(addr, path string) (string, error) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return "", fmt.Errorf("healthcheck: ELECSEC_ADDR %q is not host:port", addr)
	}
	switch host {
	case "", "0.0.0.0", "::":
		host = "127.0.0.1"
	}
	return "http://" + net.JoinHostPort(host, port) + path, nil
}
