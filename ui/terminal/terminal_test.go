package terminal

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
)

func TestFrameDiffWritesOnlyWhatChanged(t *testing.T) {
	first, shown := frameDiff(nil, "one\ntwo\nthree", 10, 5)
	want := "\x1b[Hone\x1b[K\x1b[2Htwo\x1b[K\x1b[3Hthree\x1b[K\x1b[4H\x1b[J"
	if string(first) != want {
		t.Fatalf("first frame:\n got %q\nwant %q", first, want)
	}
	if out, _ := frameDiff(shown, "one\ntwo\nthree", 10, 5); len(out) != 0 {
		t.Errorf("an unchanged frame wrote %q", out)
	}
	out, shown := frameDiff(shown, "one\nTWO\nthree", 10, 5)
	if string(out) != "\x1b[2HTWO\x1b[K" {
		t.Errorf("one changed line: %q", out)
	}
	out, _ = frameDiff(shown, "one", 10, 5)
	if string(out) != "\x1b[2H\x1b[J" {
		t.Errorf("a shorter frame must erase what the longer one left below: %q", out)
	}
}

func TestFrameDiffFitsTheScreen(t *testing.T) {
	out, lines := frameDiff(nil, "0123456789abc\n中文中文中文", 8, 5)
	if strings.Contains(string(out), "89") || !strings.Contains(string(out), "01234567") {
		t.Errorf("a line wider than the screen must be cut at its width: %q", out)
	}
	if strings.Contains(string(out), "中文中文中") {
		t.Errorf("wide characters count two columns: %q", out)
	}
	if len(lines) != 2 {
		t.Errorf("lines: %q", lines)
	}
	// Taller than the screen: the bottom lines stay, as the cursor cannot
	// reach above the top.
	out, lines = frameDiff(nil, "a\nb\nc\nd", 5, 2)
	if strings.Join(lines, ",") != "c,d" || strings.Contains(string(out), "\x1b[J") {
		t.Errorf("tall frame: lines %q, out %q", lines, out)
	}
}

// recorder is a terminal output that tells when it was written to.
type recorder struct {
	mu     sync.Mutex
	buf    bytes.Buffer
	writes chan struct{}
}

func newRecorder() *recorder { return &recorder{writes: make(chan struct{}, 100)} }

func (r *recorder) Write(p []byte) (int, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.buf.Write(p)
	r.writes <- struct{}{}
	return len(p), nil
}

func (r *recorder) String() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.buf.String()
}

func (r *recorder) reset() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.buf.Reset()
}

// waitWrite waits for the next write; the deadline only keeps a broken
// test from hanging.
func (r *recorder) waitWrite(t *testing.T) {
	t.Helper()
	select {
	case <-r.writes:
	case <-time.After(10 * time.Second):
		t.Fatal("nothing was written")
	}
}

// noWrite checks that nothing was written so far, without waiting.
func (r *recorder) noWrite(t *testing.T, what string) {
	t.Helper()
	select {
	case <-r.writes:
		t.Errorf("%s wrote %q", what, r.String())
	default:
	}
}

func open(t *testing.T, out *recorder) *Terminal {
	t.Helper()
	term, err := Open(Options{Output: out, Mouse: true})
	if err != nil {
		t.Fatal(err)
	}
	out.waitWrite(t) // the modes
	if got := out.String(); !strings.Contains(got, ansi.SetModeAltScreenSaveCursor) ||
		!strings.Contains(got, ansi.SetModeMouseButtonEvent) || !strings.Contains(got, ansi.SetModeBracketedPaste) {
		t.Fatalf("opening wrote %q", got)
	}
	out.reset()
	return term
}

func TestAFrameIsDrawnWhenItChangesAndOnlyThen(t *testing.T) {
	out := newRecorder()
	term := open(t, out)
	term.Resize(20, 5)
	term.Draw("What's next\nto contact 3")
	out.waitWrite(t)
	if got := out.String(); !strings.Contains(got, "What's next") || !strings.Contains(got, "to contact 3") {
		t.Fatalf("first frame: %q", got)
	}
	out.reset()
	// The same view again (a message that changed nothing) is not
	// written, and no timer stands in for a frame clock: the next write
	// is the next change's.
	term.Draw("What's next\nto contact 3")
	term.Draw("What's next\nto contact 4")
	out.waitWrite(t)
	if got := out.String(); got != "\x1b[2Hto contact 4\x1b[K" {
		t.Errorf("a changed line: %q", got)
	}
	if err := term.Close(); err != nil {
		t.Fatal(err)
	}
	out.waitWrite(t)
	if got := out.String(); !strings.HasSuffix(got, ansi.ResetModeAltScreenSaveCursor) ||
		!strings.Contains(got, ansi.ResetModeMouseButtonEvent) || !strings.Contains(got, ansi.SetModeTextCursorEnable) {
		t.Errorf("closing must give the terminal back: %q", got)
	}
	out.reset()
	term.Close()
	out.noWrite(t, "a second Close")
}

func TestFramesTypedFasterThanTheScreenEndOnTheLast(t *testing.T) {
	out := newRecorder()
	term := open(t, out)
	defer term.Close()
	term.Resize(80, 3)
	for i := range 50 {
		term.Draw("notes: " + strings.Repeat("x", i))
	}
	want := "notes: " + strings.Repeat("x", 49)
	for !strings.Contains(out.String(), want) {
		out.waitWrite(t)
	}
}

// program stands for $EDITOR: it records what the terminal showed when it
// ran.
type program struct {
	out    *recorder
	saw    string
	stdout io.Writer
}

func (p *program) Run() error {
	p.saw = p.out.String()
	return nil
}

func TestHandOverGivesTheTerminalBackAndRedrawsAfter(t *testing.T) {
	out := newRecorder()
	screen, err := os.Create(filepath.Join(t.TempDir(), "screen"))
	if err != nil {
		t.Fatal(err)
	}
	defer screen.Close()
	term, err := Open(Options{Output: out, Screen: screen, Mouse: true})
	if err != nil {
		t.Fatal(err)
	}
	defer term.Close()
	out.waitWrite(t)
	term.Resize(20, 3)
	term.Draw("the live screen")
	for !strings.Contains(out.String(), "the live screen") {
		out.waitWrite(t)
	}
	out.reset()
	p := &program{out: out}
	wrapped := term.HandOver(execCommand{p})
	wrapped.SetStdout(out)
	if p.stdout != screen {
		t.Errorf("the program must write to the terminal itself, not through the frames' writer")
	}
	if err := wrapped.Run(); err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(p.saw, ansi.ResetModeAltScreenSaveCursor) {
		t.Errorf("the program must run on the normal screen, modes off: %q", p.saw)
	}
	// Back from the program, the screen is taken again but the frame from
	// before it ran is not drawn: the next view is (a clock in the old one
	// would flash its old time), even if it is the same.
	if after := strings.TrimPrefix(out.String(), p.saw); after != term.enterModes() {
		t.Errorf("coming back wrote %q, want the modes alone", after)
	}
	term.Draw("the live screen")
	for !strings.Contains(strings.TrimPrefix(out.String(), p.saw), "the live screen") {
		out.waitWrite(t)
	}
}

// execCommand adapts program to tea.ExecCommand.
type execCommand struct{ p *program }

func (e execCommand) Run() error            { return e.p.Run() }
func (e execCommand) SetStdin(io.Reader)    {}
func (e execCommand) SetStdout(w io.Writer) { e.p.stdout = w }
func (e execCommand) SetStderr(io.Writer)   {}

// A frame whose time has come is written by Draw itself, on the event
// loop: a handoff to the drawing goroutine could wait for a processor.
// One that follows within minFrame is left to the goroutine.
func TestADueFrameIsWrittenBeforeDrawReturns(t *testing.T) {
	out := newRecorder()
	term := open(t, out)
	defer term.Close()
	term.Draw("first")
	if !strings.Contains(out.String(), "first") {
		t.Fatalf("Draw returned before writing a due frame: %q", out.String())
	}
	term.Draw("second")
	for !strings.Contains(out.String(), "second") {
		out.waitWrite(t)
	}
}

// The first frame with the notebook in it is written at once, however
// soon after the "loading…" frame it comes.
func TestDrawNowIsNotHeldBack(t *testing.T) {
	out := newRecorder()
	term := open(t, out)
	defer term.Close()
	term.Draw("loading")
	term.DrawNow("the notebook")
	if !strings.Contains(out.String(), "the notebook") {
		t.Fatalf("DrawNow returned before writing its frame: %q", out.String())
	}
}
