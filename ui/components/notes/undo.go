package notes

import "parley/model"

// Undo: ctrl+z takes back the last deletions, since a slip of ctrl+w in the
// middle of a conversation cannot be retyped from memory.

// maxUndo is how many deletions ctrl+z can take back.
const maxUndo = 50

// deletion is a kind of edit that removes text, for grouping undo steps.
type deletion int

const (
	notDeleting deletion = iota
	deletingChars
	deletingWords
	joining
)

// snapshot is what a deletion changed: the paragraphs from at as they
// were (before), how many stand there since (after: one less for a join),
// and where the caret was. Only what the deletion touched is copied, so
// remembering costs what the paragraph costs, not what the notes do.
type snapshot struct {
	at       int
	before   []model.Note
	after    int
	cur, pos int
}

// remember keeps the count paragraphs from at as they are before a
// deletion of kind k, unless it continues a run of the same kind in the
// same paragraph (one undo takes back a run of backspaces; each deleted
// word or joined paragraph is a step of its own).
func (n *NotesPane) remember(k deletion, at, count int) {
	if k == deletingChars && n.lastDelete == deletingChars {
		return
	}
	n.lastDelete = k
	before := make([]model.Note, count)
	copy(before, n.paras[at:at+count])
	for i := range before {
		if at+i == n.cur {
			before[i].Text = string(n.buf)
		}
	}
	after := count
	if k == joining {
		after = count - 1
	}
	n.undo = append(n.undo, snapshot{at: at, before: before, after: after, cur: n.cur, pos: n.pos})
	if len(n.undo) > maxUndo {
		n.undo = append(n.undo[:0], n.undo[1:]...)
	}
}

// undoDeletion puts back the paragraphs the last deletion changed.
func (n *NotesPane) undoDeletion() {
	n.lastDelete = notDeleting
	if len(n.undo) == 0 {
		return
	}
	snap := n.undo[len(n.undo)-1]
	n.undo = n.undo[:len(n.undo)-1]
	n.commitCurrent()
	end := snap.at + snap.after
	n.paras = append(n.paras[:snap.at:snap.at], append(append([]model.Note(nil), snap.before...), n.paras[end:]...)...)
	n.wrapped = append(n.wrapped[:snap.at:snap.at], append(make([][]span, len(snap.before)), n.wrapped[end:]...)...)
	n.runes = append(n.runes[:snap.at:snap.at], append(make([][]rune, len(snap.before)), n.runes[end:]...)...)
	n.cur = snap.cur
	n.buf = []rune(n.paras[n.cur].Text)
	n.pos = min(snap.pos, len(n.buf))
	n.top = lineRef{min(n.top.p, len(n.paras)-1), 0}
	n.edited()
}

// CanUndo reports whether there is a deletion to take back.
func (n NotesPane) CanUndo() bool { return len(n.undo) > 0 }
