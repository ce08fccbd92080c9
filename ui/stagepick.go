package ui

import (
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"parley/model"
)

// stagePicker sets a contact's stage by hand, in any direction: the user
// knows things the notebook does not (a no by phone, a reply elsewhere).
type stagePicker struct {
	nothingToSave
	c       *common
	contact model.Contact
	stages  []model.Stage
	cursor  int
	keys    struct{ Up, Down, Set, Cancel key.Binding }
	width   int
	height  int
}

func newStagePicker(c *common, contact model.Contact) stagePicker {
	p := stagePicker{c: c, contact: contact, stages: model.Stages()}
	p.keys.Up = key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up"))
	p.keys.Down = key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down"))
	p.keys.Set = key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "set stage"))
	p.keys.Cancel = key.NewBinding(key.WithKeys("esc", "q"), key.WithHelp("esc", "cancel"))
	for i, s := range p.stages {
		if s == contact.CurrentStage() {
			p.cursor = i
		}
	}
	return p
}

func (p stagePicker) Update(msg tea.Msg) (screen, tea.Cmd) {
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		return p, nil
	}
	switch {
	case key.Matches(k, p.keys.Up):
		p.cursor = max(p.cursor-1, 0)
	case key.Matches(k, p.keys.Down):
		p.cursor = min(p.cursor+1, len(p.stages)-1)
	case key.Matches(k, p.keys.Cancel):
		return p, pop
	case key.Matches(k, p.keys.Set):
		c := p.contact
		to := p.stages[p.cursor]
		if to == c.CurrentStage() || !c.SetStage(to) {
			return p, pop
		}
		return p, tea.Sequence(pop, saveContact(p.c.store, c, p.c.now()), info("%s is now at %s.", c.Name, to))
	}
	return p, nil
}

func (p stagePicker) view() string {
	st := p.c.styles
	lines := []string{st.Title.Render("Stage for " + p.contact.Name), ""}
	for i, s := range p.stages {
		text := st.StageStyle(s).Render(string(s))
		if s == p.contact.CurrentStage() {
			text += st.Muted.Render("  (now)")
		}
		if i == p.cursor {
			lines = append(lines, st.Selected.Render("▸ "+string(s))+strings.TrimPrefix(text, st.StageStyle(s).Render(string(s))))
		} else {
			lines = append(lines, "  "+text)
		}
	}
	return strings.Join(lines, "\n")
}

func (p stagePicker) setSize(w, h int) screen { p.width, p.height = w, h; return p }
func (p stagePicker) capturing() bool         { return false }
func (p stagePicker) help() help.KeyMap {
	k := p.keys
	return keyMap{short: []key.Binding{k.Set, k.Cancel}, full: [][]key.Binding{{k.Up, k.Down, k.Set, k.Cancel}}}
}

func (p stagePicker) load() tea.Cmd    { return nil }
func (p stagePicker) watches() watcher { return watching() }

// openStagePicker opens the stage picker for a contact.
func openStagePicker(c *common, msg tea.Msg) (screen, bool) {
	if m, ok := msg.(openStagePickerMsg); ok {
		return newStagePicker(c, m.contact), true
	}
	return nil, false
}
