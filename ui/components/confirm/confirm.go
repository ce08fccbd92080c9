// Package confirm is the yes/no question shown over a screen.
package confirm

import (
	"fmt"
	"parley/model"
	"parley/ui/common"
	"parley/ui/safetext"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
)

// ConfirmScreen asks a yes/no question over the screen below it. Yes runs
// onYes; either answer closes it.
type ConfirmScreen struct {
	common.NothingToSave
	c        *common.Common
	question string
	detail   string
	onYes    tea.Cmd
	keys     confirmKeys
	width    int
	height   int
}

type confirmKeys struct{ Yes, No key.Binding }

func NewConfirm(c *common.Common, question, detail string, onYes tea.Cmd) ConfirmScreen {
	return ConfirmScreen{c: c, question: question, detail: detail, onYes: onYes, keys: confirmKeys{
		Yes: key.NewBinding(key.WithKeys("y", "Y"), key.WithHelp("y", "yes")),
		No:  key.NewBinding(key.WithKeys("n", "N", "esc", "q"), key.WithHelp("n/esc", "no")),
	}}
}

func (s ConfirmScreen) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	if k, ok := msg.(tea.KeyMsg); ok {
		switch {
		case key.Matches(k, s.keys.Yes):
			return s, tea.Sequence(common.Pop, s.onYes)
		case key.Matches(k, s.keys.No):
			return s, common.Pop
		}
	}
	return s, nil
}

func (s ConfirmScreen) View() string {
	return lipgloss.Place(s.width, s.height, lipgloss.Center, lipgloss.Center, s.OverlayBox(s.width, s.height))
}

// OverlayBox is the question in its box, for the root to draw over the
// screen it is about: deleting, the user sees what goes.
func (s ConfirmScreen) OverlayBox(width, height int) string {
	st := s.c.Styles
	body := st.Title.Render(safetext.Line(s.question))
	if s.detail != "" {
		body += "\n\n" + safetext.Block(s.detail)
	}
	body += "\n\n" + st.Muted.Render("y: yes   n or esc: no")
	box := lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(common.ColorBorder).Padding(0, 2)
	if st.NoColor {
		box = lipgloss.NewStyle().Border(lipgloss.NormalBorder()).Padding(0, 2)
	}
	box = box.Width(min(max(width-4, 10), 64))
	return box.Render(body)
}

func (s ConfirmScreen) SetSize(w, h int) common.Screen { s.width, s.height = w, h; return s }
func (s ConfirmScreen) Capturing() bool                { return false }
func (s ConfirmScreen) Help() help.KeyMap {
	return common.KeyMap{Short: []key.Binding{s.keys.Yes, s.keys.No}, Full: [][]key.Binding{{s.keys.Yes, s.keys.No}}}
}

func (s ConfirmScreen) Load() tea.Cmd           { return nil }
func (s ConfirmScreen) Watches() common.Watcher { return common.Watching() }

// ConfirmDelete asks before deleting a contact and its interviews.
func ConfirmDelete(c *common.Common, contact model.Contact) common.Screen {
	return NewConfirm(c, fmt.Sprintf("Delete %s?", contact.Name),
		"Their details, timeline and every interview with them, notes included, will be deleted.",
		common.DeleteContact(c.Store, contact.ID))
}
