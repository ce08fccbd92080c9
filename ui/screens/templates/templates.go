// Package templates is the list of message templates.
package templates

import (
	"fmt"
	"parley/ui/common"
	"parley/ui/components/confirm"
	"parley/ui/safetext"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"parley/model"
)

type templatesKeys struct {
	Up, Down, Edit, New, Reset, Delete, Back key.Binding
}

// templatesScreen lists the message templates: Parley's own (editable and
// resettable) and the user's (editable and deletable).
type templatesScreen struct {
	common.NothingToSave
	c         *common.Common
	keys      templatesKeys
	templates []model.TemplateDoc
	loaded    bool
	cursor    int
	width     int
	height    int
}

func NewTemplatesScreen(c *common.Common) templatesScreen {
	return templatesScreen{c: c, keys: templatesKeys{
		Up:     key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:   key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		Edit:   key.NewBinding(key.WithKeys("enter", "e"), key.WithHelp("enter", "edit")),
		New:    key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "new")),
		Reset:  key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "reset to Parley's")),
		Delete: key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "delete")),
		Back:   key.NewBinding(key.WithKeys("esc", "q"), key.WithHelp("esc", "back")),
	}}
}

func (s templatesScreen) Load() tea.Cmd { return common.LoadTemplates(s.c.Store) }

func (s templatesScreen) current() (model.TemplateDoc, bool) {
	if s.cursor < len(s.templates) {
		return s.templates[s.cursor], true
	}
	return model.TemplateDoc{}, false
}

func (s templatesScreen) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case common.TemplatesLoadedMsg:
		if msg.Err == nil {
			s.loaded, s.templates = true, msg.Templates
			s.cursor = min(s.cursor, max(len(s.templates)-1, 0))
		}
	case common.NotebookChangedMsg:
		return s, s.Load()
	case tea.KeyMsg:
		return s.HandleKey(msg)
	}
	return s, nil
}

func (s templatesScreen) HandleKey(k tea.KeyMsg) (common.Screen, tea.Cmd) {
	cur, ok := s.current()
	switch {
	case key.Matches(k, s.keys.Back):
		return s, common.Pop
	case key.Matches(k, s.keys.Up):
		s.cursor = max(s.cursor-1, 0)
	case key.Matches(k, s.keys.Down):
		s.cursor = min(s.cursor+1, max(len(s.templates)-1, 0))
	case key.Matches(k, s.keys.New) && s.loaded:
		return s, common.Navigate(common.OpenTemplateFormMsg{Doc: model.TemplateDoc{Purpose: model.PurposeOther, Channel: model.ChannelEmail}})
	case !ok:
	case key.Matches(k, s.keys.Edit):
		return s, common.Navigate(common.OpenTemplateFormMsg{Doc: cur})
	case key.Matches(k, s.keys.Reset) && cur.BuiltIn && cur.Edited:
		return s, common.Push(confirm.NewConfirm(s.c, fmt.Sprintf("Reset %q?", cur.Name), "Your edits go; Parley's own text comes back.",
			common.WithInfo(common.ResetTemplate(s.c.Store, cur.ID), "%q is Parley's own again.", cur.Name)))
	case key.Matches(k, s.keys.Delete) && !cur.BuiltIn:
		return s, common.Push(confirm.NewConfirm(s.c, fmt.Sprintf("Delete %q?", cur.Name), "Messages already sent stay on their timelines.",
			common.WithInfo(common.DeleteTemplate(s.c.Store, cur), "Deleted %q.", cur.Name)))
	}
	return s, nil
}

func (s templatesScreen) View() string {
	st := s.c.Styles
	var b strings.Builder
	b.WriteString(st.Title.Render("Message templates") + "\n")
	if !s.loaded {
		return b.String() + st.Muted.Render("Loading…")
	}
	for i, t := range s.templates {
		kind := "built-in"
		switch {
		case t.Edited:
			kind = "built-in, edited"
		case !t.BuiltIn:
			kind = "yours"
		}
		line := fmt.Sprintf("%s · %s · %s · %s", safetext.Line(t.Name), safetext.Line(string(t.Purpose)), safetext.Line(string(t.Channel)), kind)
		if i == s.cursor {
			b.WriteString(st.Selected.Render(common.TruncateCells("▸ "+line, s.width)) + "\n")
		} else {
			b.WriteString(common.TruncateCells("  "+line, s.width) + "\n")
		}
	}
	if cur, ok := s.current(); ok {
		b.WriteString("\n" + st.Muted.Render(preview(cur, s.width, max(s.height-len(s.templates)-3, 0))))
	}
	return b.String()
}

// preview is the first lines of a template's text, as written.
func preview(t model.TemplateDoc, w, h int) string {
	text := t.Body
	if t.Subject != "" {
		text = "Subject: " + t.Subject + "\n\n" + text
	}
	lines := strings.Split(strings.TrimRight(safetext.Block(text), "\n"), "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for i, l := range lines {
		lines[i] = common.TruncateCells(l, w)
	}
	return strings.Join(lines, "\n")
}

func (s templatesScreen) SetSize(w, h int) common.Screen { s.width, s.height = w, h; return s }
func (s templatesScreen) Capturing() bool                { return false }
func (s templatesScreen) Help() help.KeyMap {
	k := s.keys
	cur, ok := s.current()
	k.Edit.SetEnabled(ok)
	k.Reset.SetEnabled(ok && cur.BuiltIn && cur.Edited)
	k.Delete.SetEnabled(ok && !cur.BuiltIn)
	return common.KeyMap{Short: []key.Binding{k.Edit, k.New, k.Reset, k.Delete, k.Back},
		Full: [][]key.Binding{{k.Up, k.Down, k.Edit}, {k.New, k.Reset, k.Delete, k.Back}}}
}

// Watches templates: saved, reset or deleted here or in the form above.
func (s templatesScreen) Watches() common.Watcher { return common.Watching(common.ChangedTemplates) }

// OpenTemplates opens the list of templates.
func OpenTemplates(c *common.Common, msg tea.Msg) (common.Screen, bool) {
	if _, ok := msg.(common.OpenTemplatesMsg); ok {
		return NewTemplatesScreen(c), true
	}
	return nil, false
}
