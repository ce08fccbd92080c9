package model

import "time"

// Agenda is the "What's next" screen's content: each section sorted, most
// pressing first, and the same for the same inputs.
type Agenda struct {
	// Upcoming are interviews scheduled today and in the next UpcomingDays
	// days and not yet held, soonest first.
	Upcoming []UpcomingInterview
	// ThankYouDue are interviews whose thank-you note is not yet logged,
	// earliest due first.
	ThankYouDue []ThankYouDue
	// NoReply are requests with no later exchange for more than
	// Settings.NoReplyDays days, longest waiting first.
	NoReply []Waiting
	// ReferralsToContact are referred contacts still at ToContact, oldest
	// first, so names given in an interview are not forgotten.
	ReferralsToContact []PendingReferral
	// ToContact are the other contacts still at ToContact, oldest first:
	// asking someone is the first step of the method, so they wait here
	// for a request to be drafted.
	ToContact []PendingContact
	// StageCounts has one entry per stage, in Stages order, zeros included,
	// so the row of counts keeps its shape.
	StageCounts []StageCount
}

// UpcomingInterview is one entry of Agenda.Upcoming.
type UpcomingInterview struct {
	ContactID   uint64
	InterviewID uint64
	Schedule    Schedule
	// Today marks an interview on now's local day.
	Today bool
	// Missed marks one whose day has passed without it being held.
	Missed bool
	// Underway marks one whose clock has started and not ended.
	Underway bool
}

// ThankYouDue is one entry of Agenda.ThankYouDue.
type ThankYouDue struct {
	ContactID uint64
	// HeldAt is when the interview took place.
	HeldAt time.Time
	// Due is local midnight of the day the note is due.
	Due time.Time
	// DaysLeft counts days from today to Due: 0 on the due day, negative
	// once overdue.
	DaysLeft int
	// Overdue is true after the due day, so the screen can make it stand out.
	Overdue bool
}

// Waiting is one entry of Agenda.NoReply.
type Waiting struct {
	ContactID uint64
	// RequestAt is when the unanswered request was sent.
	RequestAt time.Time
	// Days is how many days ago that was.
	Days int
}

// PendingReferral is one entry of Agenda.ReferralsToContact: a contact
// referred and not yet contacted, or (ContactID 0) a person suggested in a
// wrap-up and not yet made a contact, named by Name and Note.
type PendingReferral struct {
	ContactID  uint64
	ReferredBy uint64
	Name, Note string
}

// PendingContact is one entry of Agenda.ToContact.
type PendingContact struct {
	ContactID uint64
	// Since is when the contact was added.
	Since time.Time
}

// StageCount is how many contacts are at one stage.
type StageCount struct {
	Stage Stage
	Count int
}

// NextSteps builds the agenda at now. Days are the local days of now's
// location. Interviews and interactions of contacts not in contacts are
// ignored, so a half-deleted record never shows up as a task.
func NextSteps(now time.Time, contacts []Contact, interviews []Interview, interactions []Interaction, s Settings) Agenda {
	return NextStepsFrom(now, contacts, Summarize(now, interviews, interactions), s)
}

// NextStepsFrom is NextSteps for a caller that already holds the Summarize
// result (the list does, for its next-step column).
func NextStepsFrom(now time.Time, contacts []Contact, acts map[uint64]Activity, s Settings) Agenda {
	return nextSteps(now, contacts, func(i int) Activity { return acts[contacts[i].ID] }, s)
}

// NextStepsOf is NextSteps from each contact's ActivityFacts, by position
// in contacts, as the store keeps them.
func NextStepsOf(now time.Time, contacts []Contact, facts []ActivityFacts, s Settings) Agenda {
	return nextSteps(now, contacts, func(i int) Activity {
		if i < len(facts) {
			return facts[i].At(now)
		}
		return Activity{}
	}, s)
}

func nextSteps(now time.Time, contacts []Contact, activity func(i int) Activity, s Settings) Agenda {
	s = s.Normalized()
	loc := now.Location()
	today := startOfDay(now)
	horizon := addDays(now, UpcomingDays+1, loc)
	ag := Agenda{StageCounts: make([]StageCount, len(stages))}
	for i, st := range stages {
		ag.StageCounts[i].Stage = st
	}
	var suggested []PendingReferral
	for i, c := range contacts {
		if o := c.CurrentStage().Order(); o < len(stages) {
			ag.StageCounts[o].Count++
		}
		a := activity(i)
		for _, r := range a.Suggested {
			suggested = append(suggested, PendingReferral{ReferredBy: c.ID, Name: r.Name, Note: r.Note})
		}
		switch {
		case c.CurrentStage() != ToContact || a.Underway != nil || a.Pending != nil:
		case c.ReferredBy != 0:
			ag.ReferralsToContact = append(ag.ReferralsToContact, PendingReferral{ContactID: c.ID, ReferredBy: c.ReferredBy})
		default:
			ag.ToContact = append(ag.ToContact, PendingContact{ContactID: c.ID, Since: c.Created})
		}
		if u := a.Underway; u != nil {
			// Whatever its schedule said, it is going on today.
			var sch Schedule
			if u.Scheduled != nil {
				sch = *u.Scheduled
			}
			ag.Upcoming = append(ag.Upcoming, UpcomingInterview{
				ContactID: c.ID, InterviewID: u.ID, Schedule: sch, Today: true, Underway: true,
			})
		} else if p := a.Pending; p != nil {
			at := p.Scheduled.At
			if at.Before(horizon) {
				ag.Upcoming = append(ag.Upcoming, UpcomingInterview{
					ContactID: c.ID, InterviewID: p.ID, Schedule: *p.Scheduled,
					Today: DaysBetween(now, at, loc) == 0, Missed: at.Before(today),
				})
			}
		}
		if due, ok := thankYouDue(a, s, loc); ok {
			left := DaysBetween(now, due, loc)
			ag.ThankYouDue = append(ag.ThankYouDue, ThankYouDue{
				ContactID: c.ID, HeldAt: a.LastHeld, Due: due, DaysLeft: left, Overdue: left < 0,
			})
		}
		if a.LastExchangeKind == KindRequest && a.Pending == nil && !c.CurrentStage().IsEnding() {
			if days := DaysBetween(a.LastExchange, now, loc); days > s.NoReplyDays {
				ag.NoReply = append(ag.NoReply, Waiting{ContactID: c.ID, RequestAt: a.LastExchange, Days: days})
			}
		}
	}
	created := make(map[uint64]time.Time, len(ag.ReferralsToContact))
	for _, c := range contacts {
		if c.ReferredBy != 0 {
			created[c.ID] = c.Created
		}
	}
	sortByTimeThenID(ag.Upcoming, func(u UpcomingInterview) time.Time {
		if u.Underway {
			return time.Time{} // going on now: first
		}
		return u.Schedule.At
	},
		func(u UpcomingInterview) uint64 { return u.ContactID })
	sortByTimeThenID(ag.ThankYouDue, func(t ThankYouDue) time.Time { return t.Due },
		func(t ThankYouDue) uint64 { return t.ContactID })
	sortByTimeThenID(ag.NoReply, func(w Waiting) time.Time { return w.RequestAt },
		func(w Waiting) uint64 { return w.ContactID })
	sortByTimeThenID(ag.ToContact, func(p PendingContact) time.Time { return p.Since },
		func(p PendingContact) uint64 { return p.ContactID })
	sortByTimeThenID(ag.ReferralsToContact, func(r PendingReferral) time.Time { return created[r.ContactID] },
		func(r PendingReferral) uint64 { return r.ContactID })
	// People only suggested so far come after those already made contacts,
	// in the order of the contacts who suggested them.
	ag.ReferralsToContact = append(ag.ReferralsToContact, suggested...)
	return ag
}
