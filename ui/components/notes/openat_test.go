package notes

import (
	"fmt"
	"strings"
	"testing"

	"parley/model"
)

func TestOpenAtPutsTheParagraphOnTopWithTheCaret(t *testing.T) {
	var paras []model.Note
	for i := range 30 {
		paras = append(paras, model.Note{Text: fmt.Sprintf("paragraph %d", i)})
	}
	n := NewNotesPane(&plainStyles, paras)
	n.OpenAt(12)
	n.SetSize(40, 6)
	if n.cur != 12 || n.pos != 0 {
		t.Fatalf("caret at paragraph %d, position %d; want 12, 0", n.cur, n.pos)
	}
	if first := strings.SplitN(n.View(), "\n", 2)[0]; !strings.Contains(first, "paragraph 12") {
		t.Errorf("first line %q, want paragraph 12 on top", first)
	}
	if n.Changed {
		t.Error("opening at a paragraph counted as a change")
	}
	n.OpenAt(99) // out of range: nothing moves
	if n.cur != 12 {
		t.Errorf("out of range moved the caret to %d", n.cur)
	}
}
