package ui

import (
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"parley/model"
	"parley/questions"
	"parley/store"
)

// notebook is everything the first screen and the list compute from: the
// contacts, every interview and timeline entry, and the due-date rules. It
// is read in one command and shared read-only by the screens that get it.
type notebook struct {
	contacts     []model.Contact
	interviews   []model.Interview
	interactions []model.Interaction
	settings     model.Settings
}

// notebookLoadedMsg carries a fresh read of the whole notebook.
type notebookLoadedMsg struct {
	nb  notebook
	err error
}

func (m notebookLoadedMsg) failed() error { return m.err }

// loadNotebook reads the whole notebook. Interview notes come along: the
// agenda needs every interview's schedule and clock, and one snapshot
// transaction is both simpler and consistent.
func loadNotebook(s *store.Store) tea.Cmd {
	return func() tea.Msg {
		snap, err := s.Snapshot()
		if err != nil {
			return notebookLoadedMsg{err: err}
		}
		st, err := s.Settings()
		if err != nil {
			return notebookLoadedMsg{err: err}
		}
		return notebookLoadedMsg{nb: notebook{contacts: snap.Contacts, interviews: snap.Interviews,
			interactions: snap.Interactions, settings: st}}
	}
}

// Results of the pipeline's actions.
type (
	// interactionLoggedMsg reports an entry added to a contact's timeline
	// (and the stage move it made, which the store did in the same step).
	interactionLoggedMsg struct {
		interaction model.Interaction
		err         error
	}
	// interviewScheduledMsg reports an agreed meeting.
	interviewScheduledMsg struct {
		interview model.Interview
		err       error
	}
)

func (m interactionLoggedMsg) failed() error  { return m.err }
func (m interviewScheduledMsg) failed() error { return m.err }

// logInteraction adds it to the timeline, moving the contact forward.
func logInteraction(s *store.Store, it model.Interaction) tea.Cmd {
	return func() tea.Msg {
		saved, err := s.AddInteraction(it, true)
		return interactionLoggedMsg{saved, err}
	}
}

// scheduleInterview records the meeting; the store moves the contact to
// Scheduled in the same transaction.
func scheduleInterview(s *store.Store, iv model.Interview, sch model.Schedule) tea.Cmd {
	return func() tea.Msg {
		if iv.ID == 0 && len(iv.Questions) == 0 {
			// A new interview starts from the same plan s would give, so
			// it is ready to run when the day comes.
			st, err := s.QuestionBank()
			if err != nil {
				return interviewScheduledMsg{err: err}
			}
			iv.Questions = questions.StartingPlan(st.Default(), questions.Bank(st), sch.Budget()).Questions()
		}
		saved, err := s.ScheduleInterview(iv, sch)
		return interviewScheduledMsg{saved, err}
	}
}

func (m interactionLoggedMsg) changes() []notebookChangedMsg {
	if m.err != nil {
		return nil
	}
	return []notebookChangedMsg{{kind: changedTimeline, contactID: m.interaction.ContactID}}
}

func (m interviewScheduledMsg) changes() []notebookChangedMsg {
	if m.err != nil {
		return nil
	}
	iv := m.interview
	return []notebookChangedMsg{{kind: changedInterview, contactID: iv.ContactID, interview: &iv}}
}

// dayLabel names a day relative to today: "today", "tomorrow", "Thu 14
// Mar" — the way people think about the week ahead.
func dayLabel(t, now time.Time) string {
	switch model.DaysBetween(now, t, now.Location()) {
	case 0:
		return "today"
	case 1:
		return "tomorrow"
	case -1:
		return "yesterday"
	}
	if t.Year() != now.Year() {
		return t.In(now.Location()).Format("2 Jan 2006")
	}
	return t.In(now.Location()).Format("Mon 2 Jan")
}
