package ui

import (
	"errors"
	"os"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/term"

	"parley/ui/terminal"
)

// drawnModel puts the root model's frames on the terminal (ui/terminal),
// which Bubble Tea, running without its renderer, no longer does.
type drawnModel struct {
	inner  tea.Model
	screen *terminal.Terminal
	// started is called once the first frame showing the notebook (or
	// saying it could not be read) is drawn, then set to nil.
	started *func()
	// procs lowers the processors while no one types (nil: never).
	procs *processors
}

func (d drawnModel) Init() tea.Cmd { return d.inner.Init() }

func (d drawnModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	d.procs.observe(msg)
	if size, ok := msg.(tea.WindowSizeMsg); ok {
		d.screen.Resize(size.Width, size.Height)
	}
	var cmd tea.Cmd
	d.inner, cmd = d.inner.Update(msg)
	return d, cmd
}

// View draws the root's view; Bubble Tea, asking after every message, gets
// nothing to draw. An unchanged view costs a comparison.
func (d drawnModel) View() string {
	view := d.inner.View()
	if d.started == nil || *d.started == nil {
		d.screen.Draw(view)
		return ""
	}
	r, ok := d.inner.(interface{ Started() bool })
	if !ok || !r.Started() {
		d.screen.Draw(view)
		return ""
	}
	// The first frame showing the notebook is what the user waits for at
	// start: it is not held back for the frame-rate cap ("loading…" was
	// drawn a few milliseconds before). The collector it turns back on
	// starts after it.
	d.screen.DrawNow(view)
	(*d.started)()
	*d.started = nil
	return ""
}

// terminalInput is where keys are read: the given file, standard input
// when it is a terminal, or else the controlling terminal (as Bubble Tea
// does when it chooses), so `parley < file` still reads the keyboard.
func terminalInput(given *os.File) (*os.File, func(), error) {
	if given != nil {
		return given, func() {}, nil
	}
	if term.IsTerminal(os.Stdin.Fd()) {
		return os.Stdin, func() {}, nil
	}
	tty, err := os.Open("/dev/tty")
	if err != nil {
		return nil, nil, errors.New("Parley needs a terminal to read keys from, and found none")
	}
	return tty, func() { tty.Close() }, nil
}
