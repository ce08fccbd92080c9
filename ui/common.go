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
	// bank orders the writes of the question bank (see bankWriter).
	bank *bankWriter
	// term is the terminal the program draws on, for escape sequences
	// such as OSC 52 (see terminalOutput); nil when there is none.
	term io.Writer
	// getenv reads the environment (TERM, TMUX, EDITOR); tests replace it.
	getenv func(string) string
}

// screen is one page of the interface. The root sends it key presses only
// while it is on top, and every other message always, so results of its
// commands reach it even when another screen covers it.
type screen interface {
	update(msg tea.Msg) (screen, tea.Cmd)
	view() string
	setSize(width, height int) screen
	// help lists the screen's key bindings; disabled ones are hidden.
	help() help.KeyMap
	// capturing is true while a text field has focus, so plain letters
	// (q, ?) are text rather than shortcuts.
	capturing() bool
}

// flusher is a screen holding changes not yet written. flush writes them
// synchronously; it is called only after the program has stopped.
type flusher interface {
	flush(s *store.Store) error
}

// revealer is a screen that wants to know when it is on top again after
// the screen above it closed, to refresh what it summarises.
type revealer interface {
	reveal() (screen, tea.Cmd)
}

// saver is a screen that may hold changes its autosave has not written
// yet; saveNow writes them from a command (nil when there are none). The
// root calls it when the screen closes.
type saver interface {
	saveNow() tea.Cmd
}

// loader is a screen that reads its data when it is pushed.
type loader interface {
	load() tea.Cmd
}

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
