// Package outbox is how a message leaves Parley: the clipboard (OSC 52
// through the program's own terminal writer), the main screen, a file.
package outbox

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"

	tea "github.com/charmbracelet/bubbletea"
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

// A copy that fails is not a notebook error: the screen offers print and
// save instead, so these do not go through the root's error line.
func (m DraftSavedMsg) Failed() error {
	if m.Err != nil {
		return fmt.Errorf("save the draft: %w", m.Err)
	}
	return nil
}

func (m DraftEditedMsg) Failed() error {
	if m.Err != nil {
		return fmt.Errorf("edit the draft: %w", m.Err)
	}
	return nil
}

// CopyCmd writes the OSC 52 sequence for text to out. what names what was
// copied ("the message", "the subject") for the status line.
func CopyCmd(out io.Writer, text, what string, getenv func(string) string) tea.Cmd {
	return func() tea.Msg {
		if out == nil {
			return CopiedMsg{what, ErrNoClipboard}
		}
		seq, err := copySequence(text, getenv)
		if err == nil {
			_, err = io.WriteString(out, seq)
		}
		return CopiedMsg{what, err}
	}
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
	text string
	in   io.Reader
	out  io.Writer
}

func (p *printCommand) SetStdin(r io.Reader)  { p.in = r }
func (p *printCommand) SetStdout(w io.Writer) { p.out = w }
func (p *printCommand) SetStderr(io.Writer)   {}

// Run prints the text, then waits for Enter so the user can copy it.
func (p *printCommand) Run() error {
	text := strings.ReplaceAll(strings.TrimRight(p.text, "\n"), "\n", "\r\n")
	rule := strings.Repeat("-", 40)
	if _, err := fmt.Fprintf(p.out, "\r\n%s\r\n%s\r\n%s\r\nSelect and copy the message above, then press Enter to return to Parley.",
		rule, text, rule); err != nil {
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

func PrintDraftCmd(text string) tea.Cmd {
	return tea.Exec(&printCommand{text: text}, func(err error) tea.Msg { return DraftPrintedMsg{err} })
}
