package bot

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/mattn/go-isatty"

	"github.com/elecsec/elecsec/handlers"
)

// shellHelp is what the shell says when it starts on a terminal.
const shellHelp = `elecsec shell: type /elecsec QUERY or @elecsec QUERY (a bare line is a /elecsec query).
Try "who urged sanctions", "quotes from NAME", "actors", "sources" or "help"; "quit" or Ctrl-D leaves.
`

// RunShell reads commands from in, one a line, until EOF, "quit" or ctx's end, and writes
// each reply rendered as text to out. "/elecsec QUERY" and a bare "QUERY" ask as the slash
// command would (Surface Shell); "@elecsec QUERY" asks as a mention would. A prompt is
// shown only when in is a terminal.
func RunShell(ctx context.Context, h Handler, in io.Reader, out io.Writer) error {
	if in == nil {
		in = strings.NewReader("")
	}
	if out == nil {
		out = io.Discard
	}
	prompt := ""
	if isTerminal(in) {
		prompt = "elecsec> "
		fmt.Fprint(out, shellHelp)
	}
	lines := make(chan string)
	readErr := make(chan error, 1)
	go func() {
		defer close(lines)
		sc := bufio.NewScanner(in)
		sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
		for sc.Scan() {
			select {
			case lines <- sc.Text():
			case <-ctx.Done():
				return
			}
		}
		readErr <- sc.Err()
	}()
	for {
		fmt.Fprint(out, prompt)
		var line string
		var ok bool
		select {
		case <-ctx.Done():
			return nil
		case line, ok = <-lines:
		}
		if !ok {
			if prompt != "" {
				fmt.Fprintln(out)
			}
			select {
			case err := <-readErr:
				if err != nil {
					return fmt.Errorf("reading commands: %w", err)
				}
			default:
			}
			return nil
		}
		req, reply, quit := shellRequest(line)
		switch {
		case quit:
			return nil
		case reply != "":
			fmt.Fprintln(out, reply)
		case req != nil:
			fmt.Fprint(out, handlers.PlainText(shellAnswer(ctx, h, *req)))
		default:
			continue
		}
		fmt.Fprintln(out)
	}
}

// shellRequest parses one line of the shell: the request to make, or a reply of the
// shell's own, or quit. An empty line yields none of them.
func shellRequest(line string) (req *handlers.Request, reply string, quit bool) {
	line = cleanLine(line)
	switch strings.ToLower(line) {
	case "":
		return nil, "", false
	case "quit", "exit", "/quit", "/exit":
		return nil, "", true
	}
	surface, text := handlers.Shell, line
	switch {
	case hasWordPrefix(line, "/elecsec"):
		text = strings.TrimSpace(line[len("/elecsec"):])
	case hasWordPrefix(line, "@elecsec"):
		surface, text = handlers.Mention, strings.TrimSpace(line[len("@elecsec"):])
	case strings.HasPrefix(line, "/"):
		cmd, _, _ := strings.Cut(line, " ")
		return nil, fmt.Sprintf("Only /elecsec works here, not %s. Try /elecsec help.", cmd), false
	}
	return &handlers.Request{
		Surface:   surface,
		Text:      text,
		UserID:    "shell",
		UserName:  "you",
		ChannelID: "shell",
	}, "", false
}

// shellAnswer asks h, turning a panic into the same friendly line the servers send.
func shellAnswer(ctx context.Context, h Handler, req handlers.Request) (reply handlers.Reply) {
	defer func() {
		if p := recover(); p != nil {
			reply = notice(msgFailed)
		}
	}()
	return h.Handle(ctx, req)
}

// hasWordPrefix reports whether line is prefix, or prefix followed by a space, ignoring case.
func hasWordPrefix(line, prefix string) bool {
	if len(line) < len(prefix) || !strings.EqualFold(line[:len(prefix)], prefix) {
		return false
	}
	return len(line) == len(prefix) || line[len(prefix)] == ' '
}

// isTerminal reports whether r is a terminal rather than a pipe or file.
func isTerminal(r io.Reader) bool {
	f, ok := r.(*os.File)
	return ok && isatty.IsTerminal(f.Fd())
}
