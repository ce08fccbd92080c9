package ui

import (
	"fmt"
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
	nothingToSave
	c         *common
	keys      templatesKeys
	templates []model.TemplateDoc
	loaded    bool
	cursor    int
	width     int
	height    int
}

func newTemplatesScreen(c *common) templatesScreen {
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

func (s templatesScreen) load() tea.Cmd { return loadTemplates(s.c.store) }

func (s templatesScreen) current() (model.TemplateDoc, bool) {
	if s.cursor < len(s.templates) {
		return s.templates[s.cursor], true
	}
	return model.TemplateDoc{}, false
}

func (s templatesScreen) Update(msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case templatesLoadedMsg:
		if msg.err == nil {
			s.loaded, s.templates = true, msg.templates
			s.cursor = min(s.cursor, max(len(s.templates)-1, 0))
		}
	case notebookChangedMsg:
		return s, s.load()
	case tea.KeyMsg:
		return s.handleKey(msg)
	}
	return s, nil
}

func (s templatesScreen) handleKey(k tea.KeyMsg) (screen, tea.Cmd) {
	cur, ok := s.current()
	switch {
	case key.Matches(k, s.keys.Back):
		return s, pop
	case key.Matches(k, s.keys.Up):
		s.cursor = max(s.cursor-1, 0)
	case key.Matches(k, s.keys.Down):
		s.cursor = min(s.cursor+1, max(len(s.templates)-1, 0))
	case key.Matches(k, s.keys.New) && s.loaded:
		return s, navigate(openTemplateFormMsg{model.TemplateDoc{Purpose: model.PurposeOther, Channel: model.ChannelEmail}})
	case !ok:
	case key.Matches(k, s.keys.Edit):
		return s, navigate(openTemplateFormMsg{cur})
	case key.Matches(k, s.keys.Reset) && cur.BuiltIn && cur.Edited:
		return s, push(newConfirm(s.c, fmt.Sprintf("Reset %q?", cur.Name), "Your edits go; Parley's own text comes back.",
			withInfo(resetTemplate(s.c.store, cur.ID), "%q is Parley's own again.", cur.Name)))
	case key.Matches(k, s.keys.Delete) && !cur.BuiltIn:
		return s, push(newConfirm(s.c, fmt.Sprintf("Delete %q?", cur.Name), "Messages already sent stay on their timelines.",
			withInfo(deleteTemplate(s.c.store, cur), "Deleted %q.", cur.Name)))
	}
	return s, nil
}

func (s templatesScreen) view() string {
	st := s.c.styles
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
		line := fmt.Sprintf("%s · %s · %s · %s", t.Name, t.Purpose, t.Channel, kind)
		if i == s.cursor {
			b.WriteString(st.Selected.Render(truncateCells("▸ "+line, s.width)) + "\n")
		} else {
			b.WriteString(truncateCells("  "+line, s.width) + "\n")
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
	lines := strings.Split(strings.TrimRight(text, "\n"), "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for i, l := range lines {
		lines[i] = truncateCells(l, w)
	}
	return strings.Join(lines, "\n")
}

func (s templatesScreen) setSize(w, h int) screen { s.width, s.height = w, h; return s }
func (s templatesScreen) capturing() bool         { return false }
func (s templatesScreen) help() help.KeyMap {
	k := s.keys
	cur, ok := s.current()
	k.Edit.SetEnabled(ok)
	k.Reset.SetEnabled(ok && cur.BuiltIn && cur.Edited)
	k.Delete.SetEnabled(ok && !cur.BuiltIn)
	return keyMap{short: []key.Binding{k.Edit, k.New, k.Reset, k.Delete, k.Back},
		full: [][]key.Binding{{k.Up, k.Down, k.Edit}, {k.New, k.Reset, k.Delete, k.Back}}}
}

// watches templates: saved, reset or deleted here or in the form above.
func (s templatesScreen) watches() watcher { return watching(changedTemplates) }

// openTemplates opens the list of templates.
func openTemplates(c *common, msg tea.Msg) (screen, bool) {
	if _, ok := msg.(openTemplatesMsg); ok {
		return newTemplatesScreen(c), true
	}
	return nil, false
}
