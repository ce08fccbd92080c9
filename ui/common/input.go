package common

import (
	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/textarea"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
)

// NewInput is a one-line text field in the theme. The cursor does not
// blink: a blinking cursor re-renders the screen twice a second for nothing.
func NewInput(st *Styles, placeholder string) textinput.Model {
	ti := textinput.New()
	ti.Prompt = ""
	ti.Placeholder = placeholder
	ti.PlaceholderStyle = st.Muted
	ti.CharLimit = 0
	ti.Cursor.SetMode(cursor.CursorStatic)
	return ti
}

// NewArea is a multi-line text field in the theme: no line numbers or
// prompt, no length limit, and a cursor that does not blink. Without
// colour its hint is bracketed, as a one-line field's is.
func NewArea(st *Styles, placeholder string) textarea.Model {
	ta := textarea.New()
	ta.ShowLineNumbers = false
	ta.Prompt = ""
	ta.CharLimit = 0
	// bubbles caps a text area at 99 lines and then ignores enter, which
	// would run a new takeaway or research line into the one before.
	ta.MaxHeight = 0
	ta.Cursor.SetMode(cursor.CursorStatic)
	ta.Placeholder = placeholder
	if st.NoColor && placeholder != "" {
		ta.Placeholder = "(" + placeholder + ")"
	}
	return ta
}

// InputView draws a field. Without colour, reverse video is gone too, so a
// focused field draws its caret as a glyph instead.
func InputView(st *Styles, ti textinput.Model, width int) string {
	ti.Width = max(width-1, 1)
	if st.NoColor && ti.Value() == "" && ti.Placeholder != "" {
		// Without colour a placeholder reads as a value: bracket it.
		caret := ""
		if ti.Focused() {
			caret = "▏"
		}
		return TruncateCells(caret+"("+ti.Placeholder+")", width)
	}
	if !st.NoColor || !ti.Focused() {
		return ti.View()
	}
	v := []rune(ti.Value())
	pos := min(ti.Position(), len(v))
	line := string(v[:pos]) + "▏" + string(v[pos:])
	// Keep the caret in view when the value is wider than the field.
	for CellWidth(line) > width && pos > 0 {
		v, pos = v[1:], pos-1
		line = string(v[:pos]) + "▏" + string(v[pos:])
	}
	return TruncateCells(line, width)
}

// MoveTextCursor puts a text area's cursor on a 1-based line and column.
func MoveTextCursor(ta *textarea.Model, line, col int) {
	for ta.Line() > line-1 {
		ta.CursorUp()
	}
	for ta.Line() < line-1 && ta.Line() < ta.LineCount()-1 {
		ta.CursorDown()
	}
	ta.SetCursor(col - 1)
}

// TextCursorColumn is the 1-based character column of a text area's cursor
// counted from the start of its logical line, as MoveTextCursor and template
// errors count it. LineInfo's offsets count from the start of the wrapped
// row, which on a long paragraph names a column that is not there.
func TextCursorColumn(ta textarea.Model) int {
	li := ta.LineInfo()
	return li.StartColumn + li.ColumnOffset + 1
}

// WheelScroller is a screen that scrolls itself by the mouse wheel; the
// root turns the wheel into ↑/↓ for any other screen not taking text.
type WheelScroller interface{ WheelScroll(lines int) Screen }

// wheelLines is how far one notch of the mouse wheel scrolls.
const wheelLines = 3

// WheelDelta is how many lines a mouse event scrolls: negative up,
// positive down, 0 for anything but the wheel.
func WheelDelta(msg tea.MouseMsg) int {
	if msg.Action != tea.MouseActionPress {
		return 0
	}
	switch msg.Button {
	case tea.MouseButtonWheelUp:
		return -wheelLines
	case tea.MouseButtonWheelDown:
		return wheelLines
	}
	return 0
}
