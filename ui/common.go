// Package ui is Parley's terminal interface: a root model that owns the
// screen stack, window size, global keys, help and the status line, and one
// file per screen, each with its own key map.
package ui

import (
	"io"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"parley/store"
)

// common is what every screen shares: the theme, the notebook and the clock.
// It is passed to screens instead of package globals, and never changes
// after start-up.
type common struct {
	styles *Styles
	// store is used only inside commands, never from Update or View.
	store *store.Store
	// now is the wall clock; tests replace it.
	now func() time.Time
	// after is tea.Tick; tests replace it to fire timers by hand.
	after func(d time.Duration, fn func(time.Time) tea.Msg) tea.Cmd
	// bank orders the writes of the question bank (see writer).
	bank *writer
	// interviews is the one writer of interviews (see interviewWriter).
	interviews *interviewWriter
	// term is the terminal the program draws on, for escape sequences
	// such as OSC 52 (see terminalOutput); nil when there is none.
	term io.Writer
	// getenv reads the environment (TERM, TMUX, EDITOR); tests replace it.
	getenv func(string) string
}

// screen is one page of the interface. The root sends it key presses only
// while it is on top; the results of its own commands always, even when
// another screen covers it; and the changes it watches.
type screen interface {
	Update(msg tea.Msg) (screen, tea.Cmd)
	view() string
	setSize(width, height int) screen
	// help lists the screen's key bindings; disabled ones are hidden.
	help() help.KeyMap
	// capturing is true while a text field has focus, so plain letters
	// (q, ?) are text rather than shortcuts.
	capturing() bool
	lifecycle
}

// lifecycle is what the root asks of every screen over its life, so the
// compiler, not a type assertion, makes a new screen think about loading
// and saving.
type lifecycle interface {
	// load reads the screen's data when it is pushed (nil: nothing to read).
	load() tea.Cmd
	// watches is the kinds of change the screen shows; the root tells it
	// of those (notebookChangedMsg), and sends it the summary if it
	// watches shownSummary.
	watches() watcher
	// unsaved is true while the screen holds changes or typed text that
	// are not written yet.
	unsaved() bool
	// saveNow writes them from a command (nil when there are none); the
	// root calls it when the screen closes.
	saveNow() tea.Cmd
	// flush writes them synchronously; the root calls it after the program
	// has stopped, whatever stopped it (ctrl+c, SIGTERM, SIGHUP).
	flush(s *store.Store) error
}

// interviewOwner is a screen that owns an interview (the live screen):
// the root gives it what names that interview, and never opens a second
// screen on it.
type interviewOwner interface{ ownsInterview() uint64 }

// nothingToSave is embedded, as a visible choice, by screens that hold no
// text or changes of their own: a list, a confirmation, a picker that
// writes at once.
type nothingToSave struct{}

func (nothingToSave) unsaved() bool              { return false }
func (nothingToSave) saveNow() tea.Cmd           { return nil }
func (nothingToSave) flush(s *store.Store) error { return nil }

// keyMap adapts binding lists to help.KeyMap.
type keyMap struct {
	short []key.Binding
	full  [][]key.Binding
}

func (k keyMap) ShortHelp() []key.Binding  { return k.short }
func (k keyMap) FullHelp() [][]key.Binding { return k.full }

// listKeys move a cursor through a long list; every list screen embeds
// them, so moving works the same everywhere.
type listKeys struct {
	Up, Down  key.Binding
	PageUp    key.Binding
	PageDown  key.Binding
	Home, End key.Binding
}

func newListKeys() listKeys {
	return listKeys{
		Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:     key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		PageUp:   key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", "page up")),
		PageDown: key.NewBinding(key.WithKeys("pgdown"), key.WithHelp("pgdn", "page down")),
		Home:     key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("g", "first")),
		End:      key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("G", "last")),
	}
}
