package ui

import (
	"parley/model"
)

// interviewOwnerMsg is a message for whichever screen owns an interview,
// such as the result of $EDITOR, which Bubble Tea hands back unaddressed.
type interviewOwnerMsg interface{ forInterview() uint64 }

// changeKind is a kind of record in the notebook.
type changeKind int

const (
	changedContact changeKind = iota
	changedInterview
	changedTimeline
	changedSettings
	changedProfile
	changedTemplates
	changedBank
	// shownSummary is not a record: a screen watching it is sent the
	// notebook summary each time the root reads it again.
	shownSummary
)

// notebookChangedMsg tells a screen that a record it shows was written.
// It carries the record when the write returned it, so a screen that only
// needs the new copy does not read the notebook again.
type notebookChangedMsg struct {
	kind      changeKind
	contactID uint64
	// contact is the contact as saved, when the change was to one.
	contact *model.Contact
	// interview is the interview as saved, when the change was to one.
	interview *model.Interview
	// autosave marks the frequent saves of notes as they are typed, which
	// must not make the shared summary be read again each time.
	autosave bool
}

// changer is a result that wrote to the notebook; changes is empty when the
// write failed.
type changer interface{ changes() []notebookChangedMsg }

// watcher is the set of change kinds a screen shows.
type watcher map[changeKind]bool

func watching(kinds ...changeKind) watcher {
	w := watcher{}
	for _, k := range kinds {
		w[k] = true
	}
	return w
}

// summaryKinds are the changes that move what the shared notebook summary
// (What's next and the contact list) shows.
func (m notebookChangedMsg) movesSummary() bool {
	switch m.kind {
	case changedContact, changedTimeline, changedSettings:
		return true
	case changedInterview:
		return !m.autosave
	}
	return false
}
