// Package stagepick is the picker of a contact's stage.
package stagepick

import (
	"parley/ui/common"
	"parley/ui/safetext"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"parley/model"
)

// stagePicker sets a contact's stage by hand, in any direction: the user
// knows things the notebook does not (a no by phone, a reply elsewhere).
type stagePicker struct {
	common.NothingToSave
	c       *common.Common
	contact model.Contact
	stages  []model.Stage
	cursor  int
	keys    struct{ Up, Down, Set, Cancel key.Binding }
	width   int
	height  int
}

func newStagePicker(c *common.Common, contact model.Contact) stagePicker {
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

func (p stagePicker) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
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
		return p, common.Pop
	case key.Matches(k, p.keys.Set):
		c := p.contact
		to := p.stages[p.cursor]
		if to == c.CurrentStage() || !c.SetStage(to) {
			return p, common.Pop
		}
		return p, tea.Sequence(common.Pop, common.WithInfo(common.SaveContact(p.c.Store, c, p.c.Now()), "%s is now at %s.", c.Name, to))
	}
	return p, nil
}

func (p stagePicker) View() string {
	st := p.c.Styles
	lines := []string{st.Title.Render("Stage for " + safetext.Line(p.contact.Name)), ""}
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

func (p stagePicker) SetSize(w, h int) common.Screen { p.width, p.height = w, h; return p }
func (p stagePicker) Capturing() bool                { return false }
func (p stagePicker) Help() help.KeyMap {
	k := p.keys
	return common.KeyMap{Short: []key.Binding{k.Set, k.Cancel}, Full: [][]key.Binding{{k.Up, k.Down, k.Set, k.Cancel}}}
}

func (p stagePicker) Load() tea.Cmd           { return nil }
func (p stagePicker) Watches() common.Watcher { return common.Watching() }

// OpenStagePicker opens the stage picker for a contact.
func OpenStagePicker(c *common.Common, msg tea.Msg) (common.Screen, bool) {
	if m, ok := msg.(common.OpenStagePickerMsg); ok {
		return newStagePicker(c, m.Contact), true
	}
	return nil, false
}
