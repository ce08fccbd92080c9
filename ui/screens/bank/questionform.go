package bank

import (
	"parley/ui/common"
	"parley/ui/components/questionrow"
	"parley/ui/safetext"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"parley/questions"
)

// questionForm writes or rewrites a bank question: its text, theme and
// kind. It is part of the bank screen, not a screen of its own, so the list
// stays in view above it. Check's hints show under the text as it is typed.
type questionForm struct {
	id      string // "" for a new question
	input   textinput.Model
	theme   questions.Theme
	kind    questions.Kind
	field   int // 0 text, 1 theme, 2 kind
	problem string
}

type questionFormKeys struct {
	Next, Prev  key.Binding
	Left, Right key.Binding
	Save        key.Binding
	Cancel      key.Binding
}

func newQuestionFormKeys() questionFormKeys {
	return questionFormKeys{
		Next:   key.NewBinding(key.WithKeys("tab", "down"), key.WithHelp("tab", "next field")),
		Prev:   key.NewBinding(key.WithKeys("shift+tab", "up"), key.WithHelp("shift+tab", "previous")),
		Left:   key.NewBinding(key.WithKeys("left"), key.WithHelp("←", "previous choice")),
		Right:  key.NewBinding(key.WithKeys("right", " "), key.WithHelp("→", "next choice")),
		Save:   key.NewBinding(key.WithKeys("enter", "ctrl+s"), key.WithHelp("enter", "save")),
		Cancel: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
	}
}

func newQuestionForm(st *common.Styles, q questions.Question) (questionForm, tea.Cmd) {
	f := questionForm{id: q.ID, theme: q.Theme, kind: q.Kind, input: common.NewInput(st, "an open question: what, how, why…")}
	if !f.theme.Valid() {
		f.theme = questions.ThemePath
	}
	if !f.kind.Valid() {
		f.kind = questions.Practical
	}
	f.input.SetValue(safetext.Strip(q.Text))
	f.input.CursorEnd()
	return f, f.input.Focus()
}

// Update handles a key; done is true when the user saved or cancelled,
// with save telling which.
func (f questionForm) Update(k questionFormKeys, msg tea.KeyMsg) (form questionForm, done, save bool, cmd tea.Cmd) {
	switch {
	case key.Matches(msg, k.Cancel):
		return f, true, false, nil
	case key.Matches(msg, k.Save):
		return f, true, true, nil
	case key.Matches(msg, k.Next), key.Matches(msg, k.Prev):
		delta := 1
		if key.Matches(msg, k.Prev) {
			delta = 2
		}
		f.field = (f.field + delta) % 3
		if f.field == 0 {
			return f, false, false, f.input.Focus()
		}
		f.input.Blur()
		return f, false, false, nil
	}
	if f.field == 0 {
		f.input, cmd = f.input.Update(msg)
		return f, false, false, cmd
	}
	delta := 0
	switch {
	case key.Matches(msg, k.Left):
		delta = -1
	case key.Matches(msg, k.Right):
		delta = 1
	}
	if delta != 0 && f.field == 1 {
		f.theme = common.Cycle(questions.Themes(), f.theme, delta)
	}
	if delta != 0 && f.field == 2 {
		f.kind = common.Cycle([]questions.Kind{questions.Practical, questions.Reflective}, f.kind, delta)
	}
	return f, false, false, nil
}

func (f questionForm) View(st *common.Styles, width int) string {
	title := "New question"
	if f.id != "" {
		title = "Edit question"
	}
	label := func(i int, s string) string {
		if i == f.field {
			return st.Focused.Render(common.PadRight("▸ "+s, 9))
		}
		return st.Label.Render(common.PadRight("  "+s, 9))
	}
	choice := func(i int, s string) string {
		if i == f.field {
			return "‹ " + s + " ›"
		}
		return s
	}
	lines := []string{
		st.Title.Render(title),
		label(0, "Text") + common.InputView(st, f.input, max(width-9, 1)),
		label(1, "Theme") + choice(1, f.theme.Label()),
		label(2, "Kind") + choice(2, f.kind.Label()),
	}
	if h := questionrow.HintsView(st, f.input.Value(), width); h != "" {
		lines = append(lines, h)
	}
	if f.problem != "" {
		lines = append(lines, st.Error.Render(f.problem))
	}
	return strings.Join(lines, "\n")
}
