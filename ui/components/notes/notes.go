// Package notes is the interview's notes pane: an editor whose cost
// follows what is on screen, not the length of the notes.
package notes

import (
	"parley/ui/common"
	"time"
	"unicode"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"parley/model"
)

// NotesPane edits an interview's notes: paragraphs, each stamped with the
// interview clock and the question that was current when it began.
//
// It is built for long notes typed fast. bubbles' textarea re-wraps all of
// its text on every View, so its cost grows with the notes; here only the
// paragraph being edited is re-wrapped, other paragraphs are wrapped once per
// width and cached, and View walks only the lines on screen. A keystroke
// therefore costs what the screen and the current paragraph cost, whatever
// the length of the notes.
type NotesPane struct {
	styles *common.Styles
	Keys   notesKeys

	paras []model.Note // paras[cur].Text is stale while cur is edited
	cur   int          // the paragraph being edited
	buf   []rune       // its text
	pos   int          // the caret, as a rune index into buf

	// wrapped caches each paragraph's spans at wrapWidth, except cur's,
	// which is re-wrapped after each edit into curSpans.
	wrapped   [][]span
	runes     [][]rune
	wrapWidth int
	curSpans  []span

	// keyAt and keyQuestion are the clock and question of the key being
	// handled, for a paragraph it stamps. An empty paragraph is stamped at
	// its first keystroke, not when it was made: after enter one listens,
	// often for minutes, before writing.
	keyAt       time.Duration
	keyQuestion int
	// long is set once a stamp reaches an hour: the stamp column widens.
	long bool

	// undo holds the notes as they were before recent deletions, newest
	// last; lastDelete is the kind of the last edit if it deleted, so a
	// run of backspaces is undone at once.
	undo       []snapshot
	lastDelete deletion

	top           lineRef // first line on screen
	width, height int
	Focused       bool

	// Changed is set by every edit and cleared by the owner once saved.
	Changed bool
}

// lineRef names one screen line: paragraph p, wrapped line l.
type lineRef struct{ p, l int }

// stampCells is the width of the "07:42★ " column before each paragraph:
// the clock, a star mark and a space; past an hour the clock is "1:05:00".
func (n *NotesPane) stampCells() int {
	if n.long {
		return 9
	}
	return 7
}

type notesKeys struct {
	NewParagraph key.Binding
	NewLine      key.Binding
	Undo         key.Binding
	Up, Down     key.Binding
	PageUp       key.Binding
	PageDown     key.Binding
}

func newNotesKeys() notesKeys {
	return notesKeys{
		NewParagraph: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "new paragraph")),
		NewLine:      key.NewBinding(key.WithKeys("alt+enter", "ctrl+j"), key.WithHelp("alt+enter", "line break")),
		Undo:         key.NewBinding(key.WithKeys("ctrl+z"), key.WithHelp("ctrl+z", "undo deleting")),
		Up:           key.NewBinding(key.WithKeys("up")),
		Down:         key.NewBinding(key.WithKeys("down")),
		PageUp:       key.NewBinding(key.WithKeys("pgup")),
		PageDown:     key.NewBinding(key.WithKeys("pgdown")),
	}
}

func NewNotesPane(styles *common.Styles, notes []model.Note) NotesPane {
	n := NotesPane{styles: styles, Keys: newNotesKeys()}
	n.paras = append([]model.Note(nil), notes...)
	n.wrapped = make([][]span, len(n.paras))
	n.runes = make([][]rune, len(n.paras))
	if len(n.paras) > 0 {
		n.cur = len(n.paras) - 1
		n.buf = []rune(n.paras[n.cur].Text)
		n.pos = len(n.buf)
	}
	for _, p := range n.paras {
		n.long = n.long || p.At >= time.Hour
	}
	return n
}

// Notes returns the notes as they stand, the paragraph being edited included.
func (n NotesPane) Notes() []model.Note {
	out := make([]model.Note, len(n.paras))
	copy(out, n.paras)
	if n.cur < len(out) {
		out[n.cur].Text = string(n.buf)
	}
	return out
}

// Replace swaps in notes edited elsewhere, keeping the caret at the end.
func (n *NotesPane) Replace(notes []model.Note) {
	w, h, focused := n.width, n.height, n.Focused
	*n = NewNotesPane(n.styles, notes)
	n.Focused = focused
	n.SetSize(w, h)
	n.Changed = true
}

// ToggleStar stars or unstars the paragraph being edited.
func (n *NotesPane) ToggleStar() {
	if n.cur < len(n.paras) {
		n.paras[n.cur].Starred = !n.paras[n.cur].Starred
		n.Changed = true
	}
}

// OpenAt puts the caret at the start of paragraph p and that paragraph at
// the top of the pane, for opening the notes at an answer found elsewhere.
// A p out of range leaves the caret where it is.
func (n *NotesPane) OpenAt(p int) {
	if p < 0 || p >= len(n.paras) {
		return
	}
	n.moveTo(p, 0)
	n.top = lineRef{p: n.cur}
}

// Empty reports whether nothing has been written.
func (n NotesPane) Empty() bool {
	return len(n.paras) == 0 || (len(n.paras) == 1 && len(n.buf) == 0)
}

func (n *NotesPane) SetSize(w, h int) {
	n.width, n.height = max(w, 1), max(h, 1)
	n.ensureWrapWidth()
	n.scrollToCaret()
	n.fillFromBottom()
}

func (n *NotesPane) textWidth() int { return max(n.width-n.stampCells()-1, 1) }

// ensureWrapWidth drops the wrap cache when the width changes; paragraphs
// are re-wrapped lazily, only when they come on screen.
func (n *NotesPane) ensureWrapWidth() {
	if n.wrapWidth == n.textWidth() {
		return
	}
	n.wrapWidth = n.textWidth()
	for i := range n.wrapped {
		n.wrapped[i] = nil
	}
	n.rewrapCurrent()
}

func (n *NotesPane) rewrapCurrent() { n.curSpans = wrapRunes(n.buf, n.wrapWidth) }

// spansOf returns paragraph p's wrapped lines, wrapping it if needed.
func (n *NotesPane) spansOf(p int) []span {
	if p == n.cur {
		if n.curSpans == nil {
			n.rewrapCurrent()
		}
		return n.curSpans
	}
	if n.wrapped[p] == nil {
		n.runes[p] = []rune(n.paras[p].Text)
		n.wrapped[p] = wrapRunes(n.runes[p], n.wrapWidth)
	}
	return n.wrapped[p]
}

func (n *NotesPane) textOf(p int) []rune {
	if p == n.cur {
		return n.buf
	}
	n.spansOf(p)
	return n.runes[p]
}

// begin starts the first paragraph if there is none. Like any empty one it
// is stamped again at its first keystroke: the key that made it may be a
// stray one pressed before the clock started.
func (n *NotesPane) begin(at time.Duration, qid int) {
	if len(n.paras) == 0 {
		n.paras = []model.Note{{At: at, QuestionID: qid}}
		n.wrapped = [][]span{nil}
		n.runes = [][]rune{nil}
		n.cur, n.buf, n.pos = 0, nil, 0
		n.rewrapCurrent()
	}
}

// Update handles a key while the pane has focus. at and qid stamp any
// paragraph the key starts.
func (n *NotesPane) Update(msg tea.KeyMsg, at time.Duration, qid int) {
	n.begin(at, qid)
	n.keyAt, n.keyQuestion = at, qid
	if !key.Matches(msg, n.Keys.Undo) && !isDeletion(msg) {
		n.lastDelete = notDeleting
	}
	if n.typing(msg) {
		// What was deleted before this is no longer undone: undoing it
		// now would put back text around what was typed since.
		n.undo, n.lastDelete = nil, notDeleting
	}
	switch {
	case key.Matches(msg, n.Keys.Undo):
		n.undoDeletion()
	case key.Matches(msg, n.Keys.NewLine):
		n.insert([]rune{'\n'})
	case key.Matches(msg, n.Keys.NewParagraph):
		n.split(at, qid)
	case msg.Type == tea.KeyRunes || msg.Type == tea.KeySpace:
		n.insert(cleanRunes(msg.Runes, msg.Paste))
	case msg.Type == tea.KeyBackspace && msg.Alt, msg.Type == tea.KeyCtrlW:
		n.remember(deletingWords, n.cur, 1)
		n.deleteBack(n.wordStart())
	case msg.Type == tea.KeyBackspace || msg.Type == tea.KeyCtrlH:
		switch {
		case n.pos > 0:
			n.remember(deletingChars, n.cur, 1)
			n.deleteBack(n.pos - 1)
		case n.cur > 0:
			n.remember(joining, n.cur-1, 2)
			n.joinPrevious()
		}
	case msg.Type == tea.KeyDelete:
		switch {
		case n.pos < len(n.buf):
			n.remember(deletingChars, n.cur, 1)
			n.deleteRange(n.pos, n.pos+1)
		case n.cur < len(n.paras)-1:
			n.remember(joining, n.cur, 2)
			n.joinNext()
		}
	case msg.Type == tea.KeyCtrlU:
		n.remember(deletingWords, n.cur, 1)
		n.deleteBack(n.lineStart())
	case msg.Type == tea.KeyLeft && msg.Alt, msg.Type == tea.KeyCtrlLeft:
		n.pos = n.wordStart()
	case msg.Type == tea.KeyRight && msg.Alt, msg.Type == tea.KeyCtrlRight:
		n.pos = n.wordEnd()
	case msg.Type == tea.KeyLeft:
		if n.pos > 0 {
			n.pos--
		} else if n.cur > 0 {
			n.moveTo(n.cur-1, -1)
		}
	case msg.Type == tea.KeyRight:
		if n.pos < len(n.buf) {
			n.pos++
		} else if n.cur < len(n.paras)-1 {
			n.moveTo(n.cur+1, 0)
		}
	case msg.Type == tea.KeyHome:
		n.pos = n.curSpans[lineOf(n.curSpans, n.pos)].start
	case msg.Type == tea.KeyEnd:
		n.pos = n.curSpans[lineOf(n.curSpans, n.pos)].end
	case key.Matches(msg, n.Keys.Up):
		n.verticalMove(-1)
	case key.Matches(msg, n.Keys.Down):
		n.verticalMove(1)
	case key.Matches(msg, n.Keys.PageUp):
		for i := 0; i < n.height-1; i++ {
			n.verticalMove(-1)
		}
	case key.Matches(msg, n.Keys.PageDown):
		for i := 0; i < n.height-1; i++ {
			n.verticalMove(1)
		}
	case msg.Type == tea.KeyCtrlHome:
		n.moveTo(0, 0)
	case msg.Type == tea.KeyCtrlEnd:
		n.moveTo(len(n.paras)-1, -1)
	}
	n.scrollToCaret()
}

// cleanRunes keeps typed and pasted text, turning tabs into spaces and
// pasted line ends into line breaks, and dropping other control characters.
func cleanRunes(rs []rune, paste bool) []rune {
	out := make([]rune, 0, len(rs))
	for i, r := range rs {
		switch {
		case r == '\r':
			if i+1 < len(rs) && rs[i+1] == '\n' {
				continue
			}
			out = append(out, '\n')
		case r == '\n':
			out = append(out, '\n')
		case r == '\t':
			out = append(out, ' ')
		case unicode.IsControl(r):
		default:
			out = append(out, r)
		}
	}
	return out
}

// edited records a change that reshaped the whole paragraph.
func (n *NotesPane) edited() {
	n.Changed = true
	n.rewrapCurrent()
}

// editedAt records a change to the runes from start, which now end at end,
// shifting the rest by delta; only the lines near it are re-wrapped.
func (n *NotesPane) editedAt(start, end, delta int) {
	n.Changed = true
	if n.curSpans == nil {
		n.rewrapCurrent()
		return
	}
	n.curSpans = rewrapEdit(n.curSpans, n.buf, start, end, delta, n.wrapWidth)
}

func (n *NotesPane) insert(rs []rune) {
	if len(rs) == 0 {
		return
	}
	if len(n.buf) == 0 {
		// An empty paragraph, new or emptied, begins with this keystroke:
		// it takes this moment and the question on the top line now.
		n.stamp(n.keyAt, n.keyQuestion)
	}
	at := n.pos
	n.buf = append(n.buf, rs...) // grow; the tail is moved into place next
	copy(n.buf[at+len(rs):], n.buf[at:len(n.buf)-len(rs)])
	copy(n.buf[at:], rs)
	n.pos += len(rs)
	n.editedAt(at, n.pos, len(rs))
}

func (n *NotesPane) deleteRange(from, to int) {
	if from >= to {
		return
	}
	n.buf = append(n.buf[:from], n.buf[to:]...)
	n.editedAt(from, from, from-to)
}

func (n *NotesPane) deleteBack(from int) {
	from = max(from, 0)
	n.deleteRange(from, n.pos)
	n.pos = from
}

// split ends the paragraph at the caret and starts a new one with what
// followed it, stamped at, linked to question qid.
func (n *NotesPane) split(at time.Duration, qid int) {
	tail := append([]rune(nil), n.buf[n.pos:]...)
	n.buf = n.buf[:n.pos]
	n.commitCurrent()
	i := n.cur + 1
	n.paras = insertAt(n.paras, i, model.Note{At: at, QuestionID: qid})
	n.wrapped = insertAt(n.wrapped, i, nil)
	n.runes = insertAt(n.runes, i, nil)
	n.cur, n.buf, n.pos = i, tail, 0
	// An empty paragraph waits for its first keystroke to be stamped; one
	// that carries text split off is stamped now.
	if len(tail) > 0 {
		n.stamp(at, qid)
	}
	n.edited()
}

// stamp dates the paragraph being edited and files it under question qid.
func (n *NotesPane) stamp(at time.Duration, qid int) {
	n.paras[n.cur].At, n.paras[n.cur].QuestionID = at, qid
	if at >= time.Hour && !n.long {
		n.long = true
		n.ensureWrapWidth() // the stamp column widens
	}
}

// isDeletion reports whether a key deletes text.
func isDeletion(msg tea.KeyMsg) bool {
	switch msg.Type {
	case tea.KeyBackspace, tea.KeyCtrlH, tea.KeyDelete, tea.KeyCtrlW, tea.KeyCtrlU:
		return true
	}
	return false
}

// typing reports whether a key adds text or paragraphs.
func (n *NotesPane) typing(msg tea.KeyMsg) bool {
	return msg.Type == tea.KeyRunes || msg.Type == tea.KeySpace ||
		key.Matches(msg, n.Keys.NewLine) || key.Matches(msg, n.Keys.NewParagraph)
}

// commitCurrent writes the edited text back into its paragraph and lets the
// cache hold its wrapping.
func (n *NotesPane) commitCurrent() {
	if n.cur >= len(n.paras) {
		return
	}
	n.paras[n.cur].Text = string(n.buf)
	n.runes[n.cur] = n.buf
	n.wrapped[n.cur] = nil
}

// moveTo makes paragraph p current with the caret at pos (-1: its end). An
// empty paragraph left behind is removed.
func (n *NotesPane) moveTo(p, pos int) {
	if p < 0 || p >= len(n.paras) {
		return
	}
	if p != n.cur {
		n.commitCurrent()
		if len(n.buf) == 0 && len(n.paras) > 1 {
			n.undo = nil // the paragraphs it names have moved
			n.removeParagraph(n.cur)
			if p > n.cur {
				p--
			}
			n.Changed = true
		}
		text := append([]rune(nil), n.textOf(p)...)
		n.cur, n.buf = p, text
		n.rewrapCurrent()
	}
	if pos < 0 || pos > len(n.buf) {
		pos = len(n.buf)
	}
	n.pos = pos
}

func (n *NotesPane) removeParagraph(p int) {
	n.paras = append(n.paras[:p], n.paras[p+1:]...)
	n.wrapped = append(n.wrapped[:p], n.wrapped[p+1:]...)
	n.runes = append(n.runes[:p], n.runes[p+1:]...)
	if n.top.p > p || (n.top.p == p && n.top.p >= len(n.paras)) {
		n.top = lineRef{max(n.top.p-1, 0), 0}
	}
}

func (n *NotesPane) joinPrevious() {
	if n.cur == 0 {
		return
	}
	prev := n.cur - 1
	text := append(append([]rune(nil), n.textOf(prev)...), n.buf...)
	caret := len(n.textOf(prev))
	n.removeParagraph(n.cur)
	n.cur, n.buf, n.pos = prev, text, caret
	n.edited()
}

func (n *NotesPane) joinNext() {
	if n.cur >= len(n.paras)-1 {
		return
	}
	n.buf = append(n.buf, n.textOf(n.cur+1)...)
	n.removeParagraph(n.cur + 1)
	n.edited()
}

func (n *NotesPane) wordStart() int {
	i := n.pos
	for i > 0 && unicode.IsSpace(n.buf[i-1]) {
		i--
	}
	for i > 0 && !unicode.IsSpace(n.buf[i-1]) {
		i--
	}
	return i
}

func (n *NotesPane) wordEnd() int {
	i := n.pos
	for i < len(n.buf) && unicode.IsSpace(n.buf[i]) {
		i++
	}
	for i < len(n.buf) && !unicode.IsSpace(n.buf[i]) {
		i++
	}
	return i
}

func (n *NotesPane) lineStart() int { return n.curSpans[lineOf(n.curSpans, n.pos)].start }

// verticalMove moves the caret one screen line up or down, across
// paragraphs, keeping its column where it can.
func (n *NotesPane) verticalMove(dir int) {
	line := lineOf(n.curSpans, n.pos)
	col := cellsBetween(n.buf, n.curSpans[line].start, n.pos)
	switch {
	case line+dir >= 0 && line+dir < len(n.curSpans):
		n.pos = columnAt(n.buf, n.curSpans[line+dir], col)
	case dir < 0 && n.cur > 0:
		n.moveTo(n.cur-1, 0)
		last := n.curSpans[len(n.curSpans)-1]
		n.pos = columnAt(n.buf, last, col)
	case dir > 0 && n.cur < len(n.paras)-1:
		n.moveTo(n.cur+1, 0)
		n.pos = columnAt(n.buf, n.curSpans[0], col)
	}
}

// insertAt inserts v into s at i.
func insertAt[T any](s []T, i int, v T) []T {
	var zero T
	s = append(s, zero)
	copy(s[i+1:], s[i:])
	s[i] = v
	return s
}
