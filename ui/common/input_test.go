package common

import (
	"errors"
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/textarea"
	tea "github.com/charmbracelet/bubbletea"
)

// The editor's "column" must count from the start of the line the user
// wrote, not from the start of the row the text area wrapped it onto.
func TestTextCursorColumnCountsFromTheLogicalLine(t *testing.T) {
	ta := textarea.New()
	ta.SetWidth(20)
	line := strings.Repeat("word ", 12) // 60 characters, three rows at 20
	ta.SetValue("Dear Ana,\n" + line)
	MoveTextCursor(&ta, 2, 48)
	if got := TextCursorColumn(ta); got != 48 {
		t.Errorf("column %d, want 48 (row offset %d)", got, ta.LineInfo().ColumnOffset+1)
	}
	MoveTextCursor(&ta, 1, 3)
	if got := TextCursorColumn(ta); got != 3 {
		t.Errorf("column %d on an unwrapped line, want 3", got)
	}
}

// A text area takes a hundredth line: enter is never silently ignored.
func TestAreaHasNoLineCap(t *testing.T) {
	st := NewStyles(true)
	ta := NewArea(&st, "")
	ta.Focus()
	for range 120 {
		ta.InsertString("line")
		ta, _ = ta.Update(tea.KeyMsg{Type: tea.KeyEnter})
	}
	if got := ta.LineCount(); got != 121 {
		t.Errorf("%d lines kept, want 121", got)
	}
}

// An error from outside the notebook (a draft's file) is said as it is.
func TestOutsideNotebookErrorsAreNotNotebookErrors(t *testing.T) {
	err := OutsideNotebook{Err: errors.New("could not save the draft: permission denied")}
	if got := PlainError(err); got != "Could not save the draft: permission denied." {
		t.Errorf("PlainError = %q", got)
	}
}
