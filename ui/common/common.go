// Package common is what every screen and component shares: the Common
// value (theme, notebook, clock, writers), the Screen interface and its
// lifecycle, the messages that navigate and that announce changes, the
// store commands used by several screens, and layout helpers.
package common

import (
	"io"
	"os"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"parley/store"
)

// Common is what every screen shares: the theme, the notebook and the clock.
// It is passed to screens instead of package globals, and never changes
// after start-up.
type Common struct {
	Styles *Styles
	// Store is used only inside commands, never from Update or View.
	Store *store.Store
	// Now is the wall clock; tests replace it.
	Now func() time.Time
	// After is tea.Tick; tests replace it to fire timers by hand.
	After func(d time.Duration, fn func(time.Time) tea.Msg) tea.Cmd
	// Await waits for a signal from outside the program (the spool watch)
	// and gives fn's message: open is false once ch is closed. Nil waits
	// in the command's goroutine, as Bubble Tea runs it; tests hold the
	// wait and deliver it by hand, as they do timers.
	Await func(ch <-chan struct{}, fn func(open bool) tea.Msg) tea.Cmd
	// Bank orders the writes of the question bank (see writer).
	Bank *Writer
	// Interviews is the one writer of interviews (see InterviewWriter).
	Interviews *InterviewWriter
	// Term is the terminal the program draws on, for escape sequences
	// such as OSC 52 (see terminalOutput); nil when there is none.
	Term io.Writer
	// Getenv reads the environment (TERM, TMUX, EDITOR); tests replace it.
	Getenv func(string) string
	// Hours is the 12- or 24-hour clock times are shown on (see TimeOfDay).
	Hours *Hours
	// Editors are the programs running in the terminal for the app
	// ($EDITOR); nil tracks none.
	Editors *Editors
	// Rescues are the rescue files found at start-up: changes a notebook
	// could not take when Parley last stopped (see store.WriteRescue).
	Rescues []string
	// HandOver wraps a program run in the terminal so the terminal is
	// given back to the user's state while it runs (ui/terminal); nil
	// leaves it to Bubble Tea. Use Exec rather than tea.Exec.
	HandOver func(tea.ExecCommand) tea.ExecCommand
}

// Exec runs cmd in the terminal (tea.Exec) and makes fn's message of how
// it ended.
func (c *Common) Exec(cmd tea.ExecCommand, fn tea.ExecCallback) tea.Cmd {
	if c.HandOver != nil {
		cmd = c.HandOver(cmd)
	}
	return tea.Exec(cmd, fn)
}

// Screen is one page of the interface. The root sends it key presses only
// while it is on top; the results of its own commands always, even when
// another screen covers it; and the changes it watches.
type Screen interface {
	Update(msg tea.Msg) (Screen, tea.Cmd)
	View() string
	SetSize(width, height int) Screen
	// Help lists the screen's key bindings; disabled ones are hidden.
	Help() help.KeyMap
	// Capturing is true while a text field has focus, so plain letters
	// (q, ?) are text rather than shortcuts.
	Capturing() bool
	Lifecycle
}

// Lifecycle is what the root asks of every screen over its life, so the
// compiler, not a type assertion, makes a new screen think about loading
// and saving.
type Lifecycle interface {
	// Load reads the screen's data when it is pushed (nil: nothing to read).
	Load() tea.Cmd
	// Watches is the kinds of change the screen shows; the root tells it
	// of those (NotebookChangedMsg), and sends it the summary if it
	// watches ShownSummary.
	Watches() Watcher
	// Unsaved is true while the screen holds changes or typed text that
	// are not written yet.
	Unsaved() bool
	// SaveNow writes them from a command (nil when there are none); the
	// root calls it when the screen closes.
	SaveNow() tea.Cmd
	// Flush writes them synchronously; the root calls it after the program
	// has stopped, whatever stopped it (ctrl+c, SIGTERM, SIGHUP).
	Flush(s *store.Store) error
}

// InterviewOwner is a screen that owns an interview (the live screen):
// the root gives it what names that interview, and never opens a second
// screen on it.
type InterviewOwner interface{ OwnsInterview() uint64 }

// QuitWarner is a screen with something the user should hear before the
// program quits (a clock still running); ctrl+c then asks to be pressed
// again. Signals still quit at once, saving as ever.
type QuitWarner interface{ QuitWarning() string }

// ClockTick is a message that only moves time on the screen it is
// addressed to: it may change what that screen draws, never its keys,
// and nothing the root draws or keeps. The root hands it straight to the
// screen and keeps its own part of the frame (the status and help lines),
// so a screen with a running clock costs little once a second.
type ClockTick interface{ ClockTick() }

// NothingToSave is embedded, as a visible choice, by screens that hold no
// text or changes of their own: a list, a confirmation, a picker that
// writes at once.
type NothingToSave struct{}

func (NothingToSave) Unsaved() bool              { return false }
func (NothingToSave) SaveNow() tea.Cmd           { return nil }
func (NothingToSave) Flush(s *store.Store) error { return nil }

// KeyMap adapts binding lists to help.KeyMap.
type KeyMap struct {
	Short []key.Binding
	Full  [][]key.Binding
}

func (k KeyMap) ShortHelp() []key.Binding  { return k.Short }
func (k KeyMap) FullHelp() [][]key.Binding { return k.Full }

// ListKeys move a cursor through a long list; every list screen embeds
// them, so moving works the same everywhere.
type ListKeys struct {
	Up, Down  key.Binding
	PageUp    key.Binding
	PageDown  key.Binding
	Home, End key.Binding
}

func NewListKeys() ListKeys {
	return ListKeys{
		Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:     key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		PageUp:   key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", "page up")),
		PageDown: key.NewBinding(key.WithKeys("pgdown"), key.WithHelp("pgdn", "page down")),
		Home:     key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("g", "first")),
		End:      key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("G", "last")),
	}
}

// Env is the environment reader, the process's own unless a test set one.
func (c *Common) Env() func(string) string {
	if c.Getenv != nil {
		return c.Getenv
	}
	return os.Getenv
}
