package model

import (
	"cmp"
	"slices"
	"time"
)

// Settings are the user's due-date rules.
type Settings struct {
	// ThankYouDays is how long after an interview the thank-you note is due.
	ThankYouDays int `json:"thank_you_days"`
	// NoReplyDays is how long a request may go unanswered before the user is
	// nudged to follow up or look elsewhere.
	NoReplyDays int `json:"no_reply_days"`
	// KeepInTouchDays is how long after the last exchange an update is due
	// to someone who said the user may contact them again.
	KeepInTouchDays int `json:"keep_in_touch_days"`
	// WeeklyGoal is how many conversations a week the user aims for: a
	// steady rhythm rather than a burst. Notebooks saved before it existed
	// read zero, which Normalized turns into the default.
	WeeklyGoal int `json:"weekly_goal,omitempty"`
	// Hours is a 12- or 24-hour clock for times of day; empty follows
	// the locale.
	Hours HourCycle `json:"hours,omitempty"`
}

// Defaults are the rules of the method: a thank-you within a week, a
// follow-up after a week of silence, an update every three months or so,
// and two conversations a week.
func Defaults() Settings {
	return Settings{ThankYouDays: 7, NoReplyDays: 7, KeepInTouchDays: 90, WeeklyGoal: 2}
}

// Normalized replaces any rule that is zero or negative (unset, or damaged)
// with its default, so a missing setting never makes everything due at once.
func (s Settings) Normalized() Settings {
	d := Defaults()
	if s.ThankYouDays <= 0 {
		s.ThankYouDays = d.ThankYouDays
	}
	if s.NoReplyDays <= 0 {
		s.NoReplyDays = d.NoReplyDays
	}
	if s.KeepInTouchDays <= 0 {
		s.KeepInTouchDays = d.KeepInTouchDays
	}
	if s.WeeklyGoal <= 0 {
		s.WeeklyGoal = d.WeeklyGoal
	}
	s.Hours = s.Hours.Or(HoursFromLocale)
	return s
}

// UpcomingDays is how far ahead, after today, the first screen looks for
// interviews.
const UpcomingDays = 7

// Activity distils what the interviews and the timeline say about one
// contact, so the list can compute every row's next step without scanning
// the timeline per row.
type Activity struct {
	// LastExchange is the latest exchange (not a note): the start of the
	// waiting clock. Zero if there is none.
	LastExchange     time.Time
	LastExchangeKind InteractionKind
	// LastHeld is when the latest interview took place, from a finished
	// interview or a logged one.
	LastHeld time.Time
	// LastThanks is when the latest thank-you was logged.
	LastThanks time.Time
	// ThankYouBy is the due date the user set in the latest finished
	// interview's wrap-up, which overrides the rule; zero if none.
	ThankYouBy time.Time
	// Pending is the interview scheduled and not yet held: the earliest from
	// today on, else the latest one before today (missed, or held but never
	// logged). Nil if none.
	Pending *Interview
	// Underway is an interview whose clock has started and not ended: the
	// conversation is going on, or was paused. Nil if none.
	Underway *Interview
	// Suggested are the people suggested in held interviews' wrap-ups who
	// were not made contacts yet.
	Suggested []Referral
}

// FactsRules numbers the rules SummarizeFacts follows (and those it calls,
// such as which exchange is the later). The store keeps each contact's
// facts as records change; bump this with any change to those rules, and
// the store works every contact's facts out again on its next open.
const FactsRules = 2

// ActivityFacts is what a contact's interviews and timeline say whatever
// the day: Activity before the pending interview is chosen, which depends
// on today. The store keeps it per contact as records change, so the first
// screen reads no timeline.
type ActivityFacts struct {
	LastExchange     time.Time
	LastExchangeKind InteractionKind
	LastHeld         time.Time
	LastThanks       time.Time
	ThankYouBy       time.Time
	// Underway is as in Activity.
	Underway *Interview
	// Open are the interviews with a date, not started and not held: the
	// candidates for Activity.Pending.
	Open []Interview
	// Suggested is as in Activity.
	Suggested []Referral
	// Talks are when conversations were held: interviews ended in Parley
	// and interviews logged on the timeline (RhythmAt counts them).
	Talks []time.Time
}

// Summarize builds each contact's Activity, keyed by contact ID. Days are
// the local days of now's location.
func Summarize(now time.Time, interviews []Interview, interactions []Interaction) map[uint64]Activity {
	facts := SummarizeFacts(interviews, interactions)
	out := make(map[uint64]Activity, len(facts))
	for id, f := range facts {
		out[id] = f.At(now)
	}
	return out
}

// SummarizeFacts builds each contact's ActivityFacts, keyed by contact ID.
func SummarizeFacts(interviews []Interview, interactions []Interaction) map[uint64]ActivityFacts {
	out := make(map[uint64]ActivityFacts)
	last := map[uint64]Interaction{}
	for _, it := range interactions {
		a := out[it.ContactID]
		if it.Kind.IsExchange() {
			if l, ok := last[it.ContactID]; !ok || later(it, l) {
				last[it.ContactID] = it
				a.LastExchange, a.LastExchangeKind = it.At, it.Kind
			}
		}
		switch it.Kind {
		case KindInterview:
			a.LastHeld = maxTime(a.LastHeld, it.At)
			if !it.At.IsZero() {
				a.Talks = append(a.Talks, it.At)
			}
		case KindThankYou:
			a.LastThanks = maxTime(a.LastThanks, it.At)
		}
		out[it.ContactID] = a
	}
	for i := range interviews {
		iv := &interviews[i]
		a := out[iv.ContactID]
		if iv.NotHeld != "" {
			// It did not take place: nothing is due for it.
			continue
		}
		if at, held := iv.HeldAt(); held {
			a.Talks = append(a.Talks, at)
			for _, r := range iv.WrapUp.Referrals {
				if r.ContactID == 0 && r.Valid() {
					a.Suggested = append(a.Suggested, r)
				}
			}
			if !at.Before(a.LastHeld) {
				a.ThankYouBy = iv.WrapUp.ThankYouDue
			}
			a.LastHeld = maxTime(a.LastHeld, at)
		} else if st := iv.Clock.State(); st == Running || st == Paused {
			if a.Underway == nil || iv.ID > a.Underway.ID {
				a.Underway = iv
			}
		} else if iv.Scheduled != nil && !iv.Scheduled.At.IsZero() {
			a.Open = append(a.Open, *iv)
		}
		out[iv.ContactID] = a
	}
	return out
}

// At is the Activity on now's day: the pending interview is the earliest
// open one from today on, else the latest before today.
func (f ActivityFacts) At(now time.Time) Activity {
	a := Activity{LastExchange: f.LastExchange, LastExchangeKind: f.LastExchangeKind, LastHeld: f.LastHeld,
		LastThanks: f.LastThanks, ThankYouBy: f.ThankYouBy, Underway: f.Underway, Suggested: f.Suggested}
	today := startOfDay(now)
	for i := range f.Open {
		if iv := &f.Open[i]; pendingBefore(iv, a.Pending, today) {
			a.Pending = iv
		}
	}
	return a
}

// pendingBefore reports whether iv should replace cur as the pending
// interview: a future one beats a past one, the earliest future one wins,
// and among past ones the latest.
func pendingBefore(iv, cur *Interview, today time.Time) bool {
	if cur == nil {
		return true
	}
	a, b := iv.Scheduled.At, cur.Scheduled.At
	aFuture, bFuture := !a.Before(today), !b.Before(today)
	switch {
	case aFuture != bFuture:
		return aFuture
	case aFuture:
		return a.Before(b) || (a.Equal(b) && iv.ID < cur.ID)
	default:
		return a.After(b) || (a.Equal(b) && iv.ID > cur.ID)
	}
}

// StepKind is the kind of thing to do next for a contact.
type StepKind int

// Next steps, from nothing to do to the most pressing.
const (
	StepNone StepKind = iota
	StepSendRequest
	StepFollowUp
	StepInterview
	StepThankYou
	StepKeepInTouch
	// StepUnderway: an interview has started and not ended; finish it.
	StepUnderway
	// StepSchedule: they answered the request; agree a time.
	StepSchedule
)

func (k StepKind) String() string {
	switch k {
	case StepSendRequest:
		return "send a request"
	case StepFollowUp:
		return "follow up"
	case StepInterview:
		return "interview"
	case StepThankYou:
		return "send a thank-you"
	case StepKeepInTouch:
		return "send an update"
	case StepUnderway:
		return "interview under way"
	case StepSchedule:
		return "schedule the interview"
	}
	return ""
}

// Step is a contact's one next step, for the list's "next step" column.
type Step struct {
	Kind StepKind
	// Due is when it is due: the interview's time, or local midnight of the
	// day a note is due. Zero when the step has no date.
	Due time.Time
	// Overdue is true once the due day has passed (or the interview's day,
	// for one that was never logged as held).
	Overdue bool
}

// NextStep is the one thing to do next for c, most pressing first: an
// interview under way, a pending interview, then a thank-you owed, then (for contacts still in
// play) a follow-up on an unanswered request, a request to send, or an
// update to someone who may be contacted again.
func NextStep(now time.Time, c Contact, a Activity, s Settings) Step {
	s = s.Normalized()
	today := startOfDay(now)
	if a.Underway != nil {
		return Step{Kind: StepUnderway}
	}
	if a.Pending != nil {
		at := a.Pending.Scheduled.At
		return Step{Kind: StepInterview, Due: at, Overdue: at.Before(today)}
	}
	if due, ok := thankYouDue(a, s, today.Location()); ok {
		return Step{Kind: StepThankYou, Due: due, Overdue: today.After(due)}
	}
	stage := c.CurrentStage()
	switch {
	case stage.IsEnding():
		return Step{}
	case (a.LastExchangeKind == KindReply || a.LastExchangeKind == KindCall) && (stage == ToContact || stage == RequestSent):
		// They answered: what is left is to agree a time, not to chase.
		return Step{Kind: StepSchedule}
	case a.LastExchangeKind == KindRequest:
		due := addDays(a.LastExchange, s.NoReplyDays, today.Location())
		return Step{Kind: StepFollowUp, Due: due, Overdue: today.After(due)}
	case stage == ToContact:
		return Step{Kind: StepSendRequest}
	case stage == RequestSent:
		return Step{Kind: StepFollowUp}
	case (stage == Thanked || stage == KeepingInTouch) && c.MayContactAgain:
		if a.LastExchange.IsZero() {
			return Step{Kind: StepKeepInTouch}
		}
		due := addDays(a.LastExchange, s.KeepInTouchDays, today.Location())
		return Step{Kind: StepKeepInTouch, Due: due, Overdue: today.After(due)}
	}
	return Step{}
}

// thankYouDue is the day the thank-you for the latest interview is due, if
// none has been logged on or after that interview's day. Comparing days,
// not instants, means a thank-you logged the same day always counts, even
// with a rough time.
func thankYouDue(a Activity, s Settings, loc *time.Location) (time.Time, bool) {
	if a.LastHeld.IsZero() {
		return time.Time{}, false
	}
	if !a.LastThanks.IsZero() && !dayOf(a.LastThanks, loc).Before(dayOf(a.LastHeld, loc)) {
		return time.Time{}, false
	}
	if !a.ThankYouBy.IsZero() {
		return CivilDay(a.ThankYouBy, loc), true
	}
	return addDays(a.LastHeld, s.ThankYouDays, loc), true
}

// startOfDay is local midnight of t's day in t's own location.
func startOfDay(t time.Time) time.Time { return dayOf(t, t.Location()) }

// dayOf is local midnight of t's day as seen in loc.
func dayOf(t time.Time, loc *time.Location) time.Time {
	y, m, d := t.In(loc).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, loc)
}

// addDays is local midnight n calendar days after t's day in loc. Calendar
// days, not 24-hour steps, so a change to or from summer time never shifts
// a due date.
func addDays(t time.Time, n int, loc *time.Location) time.Time {
	y, m, d := t.In(loc).Date()
	return time.Date(y, m, d+n, 0, 0, 0, 0, loc)
}

// DaysBetween counts the calendar days from a's local day to b's, in loc:
// 1 for yesterday to today, whatever the hours.
func DaysBetween(a, b time.Time, loc *time.Location) int {
	ya, ma, da := a.In(loc).Date()
	yb, mb, db := b.In(loc).Date()
	ua := time.Date(ya, ma, da, 0, 0, 0, 0, time.UTC)
	ub := time.Date(yb, mb, db, 0, 0, 0, 0, time.UTC)
	return int(ub.Sub(ua) / (24 * time.Hour))
}

func maxTime(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

// sortByTimeThenID sorts a section by its time, then contact ID, so the
// agenda is the same on every render.
func sortByTimeThenID[T any](xs []T, at func(T) time.Time, id func(T) uint64) {
	// slices, not sort.SliceStable: its reflection swapper moved these
	// structs at a third of the agenda's cost at 10,000 contacts.
	slices.SortStableFunc(xs, func(a, b T) int {
		if c := at(a).Compare(at(b)); c != 0 {
			return c
		}
		return cmp.Compare(id(a), id(b))
	})
}
