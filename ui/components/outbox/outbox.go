// Package outbox is how a message leaves Parley: the clipboard (OSC 52
// through the program's own terminal writer), the main screen, a file.
package outbox

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"parley/ui/common"
	"parley/ui/safetext"
)

// How a copy reaches the terminal. Bubble Tea v1 has no command for raw
// output: tea.Println/Printf print nothing in the alternate screen, and
// tea.Exec releases the terminal (leaving the alternate screen, a visible
// flash) just to write a few invisible bytes. Its renderer writes each
// frame with a single Write to the program's output, so Run hands the
// program a terminalOutput instead of the bare *os.File: the same file (it
// keeps Fd, so Bubble Tea still sees a terminal and reads its size) with a
// lock around Write. The copy command writes its OSC 52 sequence through
// that same value, so the sequence always lands between two frames, never
// in the middle of one. OSC 52 neither moves the cursor nor draws, so the
// next frame is undisturbed.

// terminalOutput is the program's output with one lock around each write.
type terminalOutput struct {
	mu sync.Mutex
	f  *os.File
}

func NewTerminalOutput(f *os.File) *terminalOutput { return &terminalOutput{f: f} }

func (t *terminalOutput) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.f.Write(p)
}

func (t *terminalOutput) Read(p []byte) (int, error) { return t.f.Read(p) }
func (t *terminalOutput) Fd() uintptr                { return t.f.Fd() }

// Close does nothing: the program must not close the process's stdout.
func (t *terminalOutput) Close() error { return nil }

// Results of the outreach commands.
type (
	// CopiedMsg reports a copy: what was sent, or why nothing could be.
	CopiedMsg struct {
		What string
		// Tmux is how far a copy inside tmux got: TmuxNone outside tmux.
		Tmux TmuxCopy
		Err  error
	}
	// DraftSavedMsg reports a draft written to a file.
	DraftSavedMsg struct {
		Path string
		Err  error
	}
	// DraftPrintedMsg reports the message printed on the main screen.
	DraftPrintedMsg struct{ Err error }
	// DraftEditedMsg carries the text as the editor left it.
	DraftEditedMsg struct {
		Text string
		Err  error
	}
)

// A draft's file and the editor are not the notebook: their errors are
// said as they are.
func (m DraftSavedMsg) Failed() error {
	if m.Err != nil {
		return common.OutsideNotebook{Err: fmt.Errorf("could not save the draft: %w", m.Err)}
	}
	return nil
}

func (m DraftEditedMsg) Failed() error {
	if m.Err != nil {
		return common.OutsideNotebook{Err: fmt.Errorf("could not edit the draft: %w", m.Err)}
	}
	return nil
}

// CopyCmd puts text on the clipboard: inside tmux through tmux itself
// (see copyThroughTmux), elsewhere by writing the OSC 52 sequence to out.
// what names what was copied ("the message", "the subject") for the status
// line.
func CopyCmd(out io.Writer, text, what string, getenv func(string) string) tea.Cmd {
	return copyCmd(out, text, what, getenv, runTmux)
}

// TmuxCopy says where a copy made inside tmux ended up.
type TmuxCopy int

const (
	// TmuxNone: not inside tmux.
	TmuxNone TmuxCopy = iota
	// TmuxClipboard: in tmux's paste buffer and sent on to the terminal's
	// clipboard (tmux 3.2 and later, with its default settings).
	TmuxClipboard
	// TmuxBufferOnly: in tmux's paste buffer only (an older tmux); the
	// passthrough sequence was written too, which reaches the clipboard
	// only with "set -g allow-passthrough on".
	TmuxBufferOnly
)

// tmuxRunner runs tmux with args and text on its standard input.
type tmuxRunner func(text string, args ...string) error

func runTmux(text string, args ...string) error {
	cmd := exec.Command("tmux", args...)
	cmd.Stdin = strings.NewReader(text)
	out, err := cmd.CombinedOutput()
	if err != nil && len(bytes.TrimSpace(out)) > 0 {
		return fmt.Errorf("%w: %s", err, bytes.TrimSpace(out))
	}
	return err
}

func copyCmd(out io.Writer, text, what string, getenv func(string) string, tmux tmuxRunner) tea.Cmd {
	return func() tea.Msg {
		if out == nil && getenv("TMUX") == "" {
			return CopiedMsg{What: what, Err: ErrNoClipboard}
		}
		if len(text) > maxClipboardBytes {
			return CopiedMsg{What: what, Err: ErrClipboardTooLarge}
		}
		if getenv("TMUX") != "" {
			via, err := copyThroughTmux(out, text, getenv, tmux)
			return CopiedMsg{What: what, Tmux: via, Err: err}
		}
		seq, err := copySequence(text, getenv)
		if err == nil {
			_, err = io.WriteString(out, seq)
		}
		return CopiedMsg{What: what, Err: err}
	}
}

// copyThroughTmux copies inside tmux. tmux's defaults (set-clipboard
// external, allow-passthrough off) drop an OSC 52 sequence from a program
// running inside it, so a copy written to the terminal reports success and
// delivers nothing. "tmux load-buffer -w -" takes the text itself, keeps it
// in tmux's paste buffer and (tmux 3.2+) sends it on to the terminal's
// clipboard. An older tmux lacks -w: the text still goes into the paste
// buffer, and the passthrough sequence is written for a tmux configured to
// let it through.
func copyThroughTmux(out io.Writer, text string, getenv func(string) string, tmux tmuxRunner) (TmuxCopy, error) {
	if err := tmux(text, "load-buffer", "-w", "-"); err == nil {
		return TmuxClipboard, nil
	}
	if err := tmux(text, "load-buffer", "-"); err != nil {
		return TmuxNone, fmt.Errorf("tmux did not take the text (%w)", err)
	}
	if out != nil {
		if seq, err := copySequence(text, getenv); err == nil {
			if _, err := io.WriteString(out, seq); err != nil {
				return TmuxBufferOnly, err
			}
		}
	}
	return TmuxBufferOnly, nil
}

// DraftsDir is where drafts are saved: a "drafts" folder beside the
// notebook, so the user's messages stay with their notes and share its
// privacy (0700).
func DraftsDir(notebookPath string) string {
	return filepath.Join(filepath.Dir(notebookPath), "drafts")
}

// SaveDraftCmd writes text to dir/name, readable by the user alone. A file
// of the same name (the same message, the same day) is replaced.
func SaveDraftCmd(dir, name, text string) tea.Cmd {
	return func() tea.Msg {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return DraftSavedMsg{Err: err}
		}
		path := filepath.Join(dir, name)
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
		if err != nil {
			return DraftSavedMsg{Err: err}
		}
		// An older file may have looser permissions than 0600.
		err = errors.Join(f.Chmod(0o600), writeAll(f, text), f.Close())
		return DraftSavedMsg{Path: path, Err: err}
	}
}

func writeAll(f *os.File, text string) error {
	_, err := f.WriteString(text)
	return err
}

// printCommand puts the message on the terminal's main screen, outside the
// alternate screen, where it can be selected with the mouse, scrolled, and
// stays after Parley quits: the fallback when the clipboard cannot be
// reached. Bubble Tea runs it with the terminal released, as it would an
// editor.
type printCommand struct {
	text  string
	width int
	in    io.Reader
	out   io.Writer
}

func (p *printCommand) SetStdin(r io.Reader)  { p.in = r }
func (p *printCommand) SetStdout(w io.Writer) { p.out = w }
func (p *printCommand) SetStderr(io.Writer)   {}

// Run prints the text, then waits for Enter so the user can copy it.
func (p *printCommand) Run() error {
	rule := strings.Repeat("-", min(40, max(p.width, 1)))
	page := fmt.Sprintf("\n%s\n%s\n%s\nSelect and copy the message above, then press Enter to return to Parley.",
		rule, strings.TrimRight(safetext.Block(p.text), "\n"), rule)
	if _, err := io.WriteString(p.out, strings.ReplaceAll(wrapForPrint(page, p.width), "\n", "\r\n")); err != nil {
		return err
	}
	if p.in == nil {
		return nil
	}
	_, err := bufio.NewReader(p.in).ReadString('\n')
	if errors.Is(err, io.EOF) {
		return nil
	}
	return err
}

// PrintDraftCmd prints text wrapped to width columns (the terminal's), so
// the terminal does not break its paragraphs mid-word.
func PrintDraftCmd(c *common.Common, text string, width int) tea.Cmd {
	return c.Exec(&printCommand{text: text, width: width}, func(err error) tea.Msg { return DraftPrintedMsg{err} })
}

// wrapForPrint wraps each line of text at word boundaries to width columns
// (a word longer than a line is broken); width < 1 leaves text as it is.
func wrapForPrint(text string, width int) string {
	if width < 1 {
		return text
	}
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		lines[i] = ansi.Wrap(l, width, "")
	}
	return strings.Join(lines, "\n")
}
