package ui

import (
	"fmt"
	"parley/model"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
)

// confirmScreen asks a yes/no question over the screen below it. Yes runs
// onYes; either answer closes it.
type confirmScreen struct {
	nothingToSave
	c        *common
	question string
	detail   string
	onYes    tea.Cmd
	keys     confirmKeys
	width    int
	height   int
}

type confirmKeys struct{ Yes, No key.Binding }

func newConfirm(c *common, question, detail string, onYes tea.Cmd) confirmScreen {
	return confirmScreen{c: c, question: question, detail: detail, onYes: onYes, keys: confirmKeys{
		Yes: key.NewBinding(key.WithKeys("y", "Y"), key.WithHelp("y", "yes")),
		No:  key.NewBinding(key.WithKeys("n", "N", "esc", "q"), key.WithHelp("n/esc", "no")),
	}}
}

func (s confirmScreen) Update(msg tea.Msg) (screen, tea.Cmd) {
	if k, ok := msg.(tea.KeyMsg); ok {
		switch {
		case key.Matches(k, s.keys.Yes):
			return s, tea.Sequence(pop, s.onYes)
		case key.Matches(k, s.keys.No):
			return s, pop
		}
	}
	return s, nil
}

func (s confirmScreen) view() string {
	st := s.c.styles
	body := st.Title.Render(s.question)
	if s.detail != "" {
		body += "\n\n" + s.detail
	}
	body += "\n\n" + st.Muted.Render("y: yes   n or esc: no")
	box := lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(colorBorder).Padding(0, 2)
	if st.NoColor {
		box = lipgloss.NewStyle().Border(lipgloss.NormalBorder()).Padding(0, 2)
	}
	box = box.Width(min(max(s.width-4, 10), 64))
	return lipgloss.Place(s.width, s.height, lipgloss.Center, lipgloss.Center, box.Render(body))
}

func (s confirmScreen) setSize(w, h int) screen { s.width, s.height = w, h; return s }
func (s confirmScreen) capturing() bool         { return false }
func (s confirmScreen) help() help.KeyMap {
	return keyMap{short: []key.Binding{s.keys.Yes, s.keys.No}, full: [][]key.Binding{{s.keys.Yes, s.keys.No}}}
}

func (s confirmScreen) load() tea.Cmd    { return nil }
func (s confirmScreen) watches() watcher { return watching() }

// confirmDelete asks before deleting a contact and its interviews.
func confirmDelete(c *common, contact model.Contact) screen {
	return newConfirm(c, fmt.Sprintf("Delete %s?", contact.Name),
		"Their details, timeline and every interview with them, notes included, will be deleted.",
		deleteContact(c.store, contact.ID))
}
