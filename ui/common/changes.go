package common

import (
	"parley/model"
)

// InterviewOwnerMsg is a message for whichever screen owns an interview,
// such as the result of $EDITOR, which Bubble Tea hands back unaddressed.
type InterviewOwnerMsg interface{ ForInterview() uint64 }

// changeKind is a kind of record in the notebook.
type changeKind int

const (
	ChangedContact changeKind = iota
	ChangedInterview
	ChangedTimeline
	ChangedSettings
	ChangedProfile
	ChangedTemplates
	changedBank
	// ShownSummary is not a record: a screen watching it is sent the
	// notebook summary each time the root reads it again.
	ShownSummary
)

// NotebookChangedMsg tells a screen that a record it shows was written.
// It carries the record when the write returned it, so a screen that only
// needs the new copy does not read the notebook again.
type NotebookChangedMsg struct {
	Kind      changeKind
	ContactID uint64
	// Contact is the contact as saved, when the change was to one.
	Contact *model.Contact
	// Interview is the interview as saved, when the change was to one.
	Interview *model.Interview
	// Autosave marks the frequent saves of notes as they are typed, which
	// must not make the shared summary be read again each time.
	Autosave bool
}

// Changer is a result that wrote to the notebook; changes is empty when the
// write failed.
type Changer interface{ Changes() []NotebookChangedMsg }

// Watcher is the set of change kinds a screen shows.
type Watcher map[changeKind]bool

func Watching(kinds ...changeKind) Watcher {
	w := Watcher{}
	for _, k := range kinds {
		w[k] = true
	}
	return w
}

// summaryKinds are the changes that move what the shared notebook summary
// (What's next and the contact list) shows.
func (m NotebookChangedMsg) MovesSummary() bool {
	switch m.Kind {
	case ChangedContact, ChangedTimeline, ChangedSettings:
		return true
	case ChangedInterview:
		return !m.Autosave
	}
	return false
}
