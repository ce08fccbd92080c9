package ui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"parley/model"
)

// miniForm is the few-field form under the schedule and log screens: the
// same field editors as the contact form, without a contact behind them.
type miniForm struct {
	st     *Styles
	fields []formField
	states []fieldState
	focus  int
	errs   map[int]string
	keys   contactFormKeys
}

func newMiniForm(st *Styles, fields []formField, values []string) miniForm {
	m := miniForm{st: st, fields: fields, errs: map[int]string{}, keys: contactFormKeys{
		Next:   key.NewBinding(key.WithKeys("tab", "down"), key.WithHelp("tab", "next field")),
		Prev:   key.NewBinding(key.WithKeys("shift+tab", "up"), key.WithHelp("shift+tab", "previous")),
		Choose: key.NewBinding(key.WithKeys("left", "right"), key.WithHelp("←/→", "choose")),
		Save:   key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", "save")),
		Cancel: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
	}}
	for i, f := range fields {
		v := values[i]
		f.get = func(model.Contact) string { return v }
		m.states = append(m.states, newFieldState(st, f, model.Contact{}))
	}
	m.states[0].focus(fields[0])
	return m
}

func (m miniForm) value(i int) string { return m.states[i].value(m.fields[i]) }

func (m *miniForm) setFocus(i int) {
	m.states[m.focus].blur()
	m.focus = i
	m.states[i].focus(m.fields[i])
}

// choosing reports whether ←/→ choose on the focused field.
func (m miniForm) choosing() bool {
	f, s := m.fields[m.focus], m.states[m.focus]
	if f.kind == kindToggle || f.kind == kindChoice && !f.free {
		return true
	}
	if f.kind == kindChoice {
		for _, o := range f.options {
			if o == s.input.Value() || s.input.Value() == "" {
				return true
			}
		}
	}
	return false
}

// handleKey moves between fields and edits them. submit is true for
// ctrl+s, or enter on the last one-line field.
func (m *miniForm) handleKey(k tea.KeyMsg) (submit bool, cmd tea.Cmd) {
	f := m.fields[m.focus]
	switch {
	case key.Matches(k, m.keys.Save):
		return true, nil
	case k.Type == tea.KeyEnter && f.kind != kindArea:
		if m.focus == len(m.fields)-1 {
			return true, nil
		}
		m.setFocus(m.focus + 1)
	case key.Matches(k, m.keys.Next) && !(f.kind == kindArea && k.Type == tea.KeyDown):
		m.setFocus((m.focus + 1) % len(m.fields))
	case key.Matches(k, m.keys.Prev) && !(f.kind == kindArea && k.Type == tea.KeyUp):
		m.setFocus((m.focus + len(m.fields) - 1) % len(m.fields))
	case key.Matches(k, m.keys.Choose) && m.choosing():
		delta := 1
		if k.Type == tea.KeyLeft {
			delta = -1
		}
		m.states[m.focus].cycle(f, delta)
	default:
		cmd = m.states[m.focus].update(f, k)
	}
	return false, cmd
}

// cancelOrKey handles a key of a form that started from initial: esc
// leaves (asking first, with question, if anything changed); anything else
// goes to the fields. submit is true when the user asked to save.
func (m *miniForm) cancelOrKey(c *common, k tea.KeyMsg, initial []string, question string) (submit bool, cmd tea.Cmd) {
	if key.Matches(k, m.keys.Cancel) {
		if m.changed(initial) {
			return false, push(newConfirm(c, question, "", pop))
		}
		return false, pop
	}
	return m.handleKey(k)
}

func (m miniForm) changed(initial []string) bool {
	for i := range m.fields {
		if m.value(i) != strings.TrimSpace(initial[i]) {
			return true
		}
	}
	return false
}

func (m miniForm) view(width int) []string {
	st := m.st
	var lines []string
	inputW := max(width-2-formLabelW, 8)
	indent := strings.Repeat(" ", 2+formLabelW)
	for i, f := range m.fields {
		marker, label := "  ", st.Label.Render(padRight(f.label, formLabelW))
		if i == m.focus {
			marker, label = "▸ ", st.Accent.Render(padRight(f.label, formLabelW))
		}
		s := m.states[i]
		switch f.kind {
		case kindArea:
			s.area.SetWidth(inputW)
			for j, l := range strings.Split(s.area.View(), "\n") {
				if j == 0 {
					lines = append(lines, marker+label+l)
				} else {
					lines = append(lines, indent+l)
				}
			}
		default:
			v := inputView(st, s.input, inputW)
			if i == m.focus && f.kind == kindChoice {
				v += st.Muted.Render("  ←/→")
			}
			lines = append(lines, marker+label+v)
		}
		if msg, bad := m.errs[i]; bad {
			for _, l := range wrapWords(msg, inputW) {
				lines = append(lines, indent+st.Error.Render(l))
			}
		}
	}
	return lines
}

// firstProblem is the problem of the first field that has one.
func firstProblem(errs map[int]string) string {
	first := -1
	for i := range errs {
		if first < 0 || i < first {
			first = i
		}
	}
	return errs[first]
}
