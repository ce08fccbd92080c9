package notes

import (
	"fmt"
	"parley/ui/common"
	"parley/ui/safetext"
	"strings"

	"parley/model"
)

// scrollToCaret keeps the caret's line on screen. It walks back from the
// caret at most one screen, so its cost does not grow with the notes.
func (n *NotesPane) scrollToCaret() {
	if len(n.paras) == 0 {
		n.top = lineRef{}
		return
	}
	caret := lineRef{n.cur, lineOf(n.curSpans, n.pos)}
	if n.top.p > caret.p || (n.top.p == caret.p && n.top.l > caret.l) {
		n.top = caret
		return
	}
	ref := caret
	for i := 0; i < n.height-1; i++ {
		if ref == n.top {
			return
		}
		prev, ok := n.previousLine(ref)
		if !ok {
			break
		}
		ref = prev
	}
	if ref != n.top {
		n.top = ref
	}
}

// fillFromBottom moves the first line shown up while the pane has empty
// rows below the last line and lines above the first: after the window
// shrinks and grows again the pane fills with the notes above, rather
// than showing the last few lines over empty rows. It reads only as many
// lines as the pane holds.
func (n *NotesPane) fillFromBottom() {
	if len(n.paras) == 0 {
		return
	}
	shown, ref := 0, n.top
	for shown < n.height && ref.p < len(n.paras) {
		if ref.l >= len(n.spansOf(ref.p)) {
			ref = lineRef{ref.p + 1, 0}
			continue
		}
		shown++
		ref.l++
	}
	for ; shown < n.height; shown++ {
		prev, ok := n.previousLine(n.top)
		if !ok {
			return
		}
		n.top = prev
	}
}

// previousLine is the screen line above r, wrapping paragraph p-1 if it
// has not been yet.
func (n *NotesPane) previousLine(r lineRef) (lineRef, bool) {
	if r.l > 0 {
		return lineRef{r.p, r.l - 1}, true
	}
	if r.p == 0 {
		return r, false
	}
	return lineRef{r.p - 1, len(n.spansOf(r.p-1)) - 1}, true
}

// View renders the lines on screen. It takes a pointer because it fills the
// wrap cache for paragraphs that come into view.
func (n *NotesPane) View() string {
	st := n.styles
	if len(n.paras) == 0 {
		hint := "Type to take notes. Enter starts a new paragraph."
		if !n.Focused {
			hint = "No notes yet. Tab here to write."
		}
		return st.Muted.Render(common.TruncateCells(hint, n.width))
	}
	var b strings.Builder
	caretLine := -1
	if n.Focused {
		caretLine = lineOf(n.curSpans, n.pos)
	}
	ref, lines := n.top, 0
	for lines < n.height && ref.p < len(n.paras) {
		spans := n.spansOf(ref.p)
		if ref.l >= len(spans) {
			ref = lineRef{ref.p + 1, 0}
			continue
		}
		if lines > 0 {
			b.WriteByte('\n')
		}
		n.renderLine(&b, ref, spans[ref.l], ref.p == n.cur && ref.l == caretLine)
		lines++
		ref.l++
	}
	return b.String()
}

// renderLine draws one screen line: the stamp or its indent, then the
// text, with the caret when it is on this line.
func (n *NotesPane) renderLine(b *strings.Builder, ref lineRef, s span, hasCaret bool) {
	st := n.styles
	clock := n.stampCells() - 2
	if ref.l == 0 {
		mark := " "
		if n.paras[ref.p].Starred {
			mark = st.Sym.Star
		}
		stamp := fmt.Sprintf("%*s", clock, model.FormatClock(n.paras[ref.p].At))
		if ref.p == n.cur && len(n.buf) == 0 {
			stamp = strings.Repeat(" ", clock) // stamped at the first keystroke
		}
		b.WriteString(st.Muted.Render(stamp) + st.MustAsk.Render(mark) + " ")
	} else {
		b.WriteString(strings.Repeat(" ", n.stampCells()))
	}
	text := n.textOf(ref.p)
	// Every piece of a note is drawn through safetext: a note holds
	// whatever was pasted, imported or read back from $EDITOR.
	if !hasCaret {
		b.WriteString(safetext.Line(string(text[s.start:s.end])))
		return
	}
	b.WriteString(safetext.Line(string(text[s.start:n.pos])))
	caret := " "
	rest := n.pos
	if n.pos < s.end {
		caret = safetext.Line(string(text[n.pos]))
		rest++
	}
	if st.NoColor {
		// Without reverse video the caret needs a glyph of its own.
		b.WriteString(st.Sym.Caret)
		b.WriteString(safetext.Line(string(text[n.pos:s.end])))
		return
	}
	b.WriteString(st.Cursor.Render(caret))
	b.WriteString(safetext.Line(string(text[rest:s.end])))
}
