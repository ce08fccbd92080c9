package outbox

import (
	"encoding/base64"
	"errors"
	"parley/ui/safetext"
	"strings"
	"testing"
)

func envOf(m map[string]string) func(string) string {
	return func(k string) string { return m[k] }
}

func TestOSC52ExactBytes(t *testing.T) {
	// base64("hello") is "aGVsbG8=".
	if got, want := OSC52("hello"), "\x1b]52;c;aGVsbG8=\a"; got != want {
		t.Errorf("osc52 = %q, want %q", got, want)
	}
	if got, want := OSC52("Dear Ana,\nThank you — Sam"), "\x1b]52;c;RGVhciBBbmEsClRoYW5rIHlvdSDigJQgU2Ft\a"; got != want {
		t.Errorf("osc52 = %q, want %q", got, want)
	}
}

func TestCopySequence(t *testing.T) {
	tests := []struct {
		name string
		env  map[string]string
		want string
	}{
		{"plain terminal", map[string]string{"TERM": "xterm-256color"}, "\x1b]52;c;aGVsbG8=\a"},
		{"over ssh, no TERM", map[string]string{}, "\x1b]52;c;aGVsbG8=\a"},
		{"tmux", map[string]string{"TMUX": "/tmp/tmux-1000/default,123,0", "TERM": "screen-256color"},
			"\x1bPtmux;\x1b\x1b]52;c;aGVsbG8=\a\x1b\\"},
		{"screen", map[string]string{"STY": "123.pts-0.host", "TERM": "screen"},
			"\x1bP\x1b]52;c;aGVsbG8=\a\x1b\\"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := copySequence("hello", envOf(tc.env))
			if err != nil || got != tc.want {
				t.Errorf("got %q, %v; want %q", got, err, tc.want)
			}
		})
	}
}

func TestScreenSplitsLongSequences(t *testing.T) {
	text := strings.Repeat("x", 200)
	got, err := copySequence(text, envOf(map[string]string{"STY": "1"}))
	if err != nil {
		t.Fatal(err)
	}
	pieces := strings.Split(strings.TrimSuffix(got, "\x1b\\"), "\x1b\\")
	var joined strings.Builder
	for _, p := range pieces {
		body, ok := strings.CutPrefix(p, "\x1bP")
		if !ok || len(body) > screenChunk {
			t.Fatalf("bad piece %q", p)
		}
		joined.WriteString(body)
	}
	if joined.String() != OSC52(text) {
		t.Errorf("pieces do not rejoin to the sequence")
	}
	if len(pieces) < 2 {
		t.Errorf("%d pieces for %d bytes", len(pieces), len(OSC52(text)))
	}
}

func TestClipboardSizeLimit(t *testing.T) {
	atLimit := strings.Repeat("a", maxClipboardBytes)
	seq, err := copySequence(atLimit, envOf(nil))
	if err != nil {
		t.Fatalf("at the limit: %v", err)
	}
	if n := len(seq) - len("\x1b]52;c;\a"); n != base64.StdEncoding.EncodedLen(maxClipboardBytes) || n >= 100000 {
		t.Errorf("payload %d bytes", n)
	}
	if _, err := copySequence(atLimit+"a", envOf(nil)); !errors.Is(err, ErrClipboardTooLarge) {
		t.Errorf("over the limit: %v", err)
	}
}

func TestNoClipboardTerminals(t *testing.T) {
	for _, term := range []string{"dumb", "linux"} {
		if _, err := copySequence("x", envOf(map[string]string{"TERM": term})); !errors.Is(err, ErrNoClipboard) {
			t.Errorf("TERM=%s: %v", term, err)
		}
	}
}

// tmux's defaults drop OSC 52 from programs inside it, so a copy in tmux
// goes through "tmux load-buffer -w -" and writes nothing to the terminal.
func TestCopyInsideTmuxUsesLoadBuffer(t *testing.T) {
	env := envOf(map[string]string{"TMUX": "/tmp/tmux-1000/default,1,0", "TERM": "screen"})
	var calls []string
	var got string
	ok := func(text string, args ...string) error {
		calls = append(calls, strings.Join(args, " "))
		got = text
		return nil
	}
	var out strings.Builder
	msg := copyCmd(&out, "Dear Ana", "the message", env, ok)().(CopiedMsg)
	if msg.Err != nil || msg.Tmux != TmuxClipboard || got != "Dear Ana" || out.Len() != 0 ||
		strings.Join(calls, ";") != "load-buffer -w -" {
		t.Fatalf("msg %+v, calls %q, text %q, wrote %q", msg, calls, got, out.String())
	}

	// An older tmux without -w: the paste buffer, plus the passthrough
	// sequence for a tmux configured to pass it.
	calls = nil
	old := func(text string, args ...string) error {
		calls = append(calls, strings.Join(args, " "))
		if args[1] == "-w" {
			return errors.New("unknown flag -w")
		}
		return nil
	}
	msg = copyCmd(&out, "hello", "the message", env, old)().(CopiedMsg)
	if msg.Err != nil || msg.Tmux != TmuxBufferOnly || strings.Join(calls, ";") != "load-buffer -w -;load-buffer -" ||
		out.String() != "\x1bPtmux;\x1b\x1b]52;c;aGVsbG8=\a\x1b\\" {
		t.Fatalf("msg %+v, calls %q, wrote %q", msg, calls, out.String())
	}

	broken := func(string, ...string) error { return errors.New("no server running") }
	if msg := copyCmd(nil, "x", "the message", env, broken)().(CopiedMsg); msg.Err == nil ||
		!strings.Contains(msg.Err.Error(), "no server running") {
		t.Errorf("failed tmux reported as %+v", msg)
	}
	// Outside tmux, tmux is never run.
	never := func(string, ...string) error { t.Error("tmux run outside tmux"); return nil }
	out.Reset()
	if msg := copyCmd(&out, "hello", "x", envOf(nil), never)().(CopiedMsg); msg.Err != nil || out.String() != OSC52("hello") {
		t.Errorf("plain copy %+v %q", msg, out.String())
	}
}

// p prints on the main screen, where the terminal would otherwise break a
// paragraph mid-word at its edge.
func TestPrintWrapsParagraphsAtWordsToTheTerminalWidth(t *testing.T) {
	text := "Dear Ana,\n\nThank you for talking with me on Monday 16 November. It was generous of you.\n\nSam"
	var out strings.Builder
	p := &printCommand{text: text, width: 30}
	p.SetStdout(&out)
	if err := p.Run(); err != nil {
		t.Fatal(err)
	}
	printed := strings.ReplaceAll(out.String(), "\r\n", "\n")
	var words []string
	for _, l := range strings.Split(printed, "\n") {
		if len([]rune(l)) > 30 {
			t.Errorf("line of %d columns: %q", len([]rune(l)), l)
		}
		if strings.HasPrefix(l, "Select and copy") {
			break
		}
		if !strings.HasPrefix(l, "---") {
			words = append(words, strings.Fields(l)...)
		}
	}
	if strings.Join(words, " ") != strings.Join(strings.Fields(text), " ") {
		t.Errorf("words changed:\n%s", printed)
	}
	if !strings.Contains(printed, "\nThank you for talking with me\n") {
		t.Errorf("not wrapped at a word:\n%s", printed)
	}
}

// What p prints is user text on the terminal: nothing in it may act on the
// terminal.
func TestPrintShowsEscapesAsText(t *testing.T) {
	for _, payload := range safetext.Payloads() {
		var out strings.Builder
		p := &printCommand{text: "Dear " + payload + ",\n\nThanks.", width: 40}
		p.SetStdout(&out)
		if err := p.Run(); err != nil {
			t.Fatal(err)
		}
		printed := strings.ReplaceAll(out.String(), "\r\n", "\n")
		if bad := safetext.Unsafe(printed); bad != "" {
			t.Errorf("printing %q: %s", payload, bad)
		}
	}
}
