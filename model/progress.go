package model

import (
	"cmp"
	"slices"
	"strings"
	"time"
)

// ProgressWeeks is how many weeks the rhythm chart shows by default: long
// enough to see a habit, short enough for a compact line.
const ProgressWeeks = 10

// OverBudgetGrace is how far past its budget an interview may run before it
// counts as over: a minute is saying goodbye, not taking more time.
const OverBudgetGrace = time.Minute

// WeekTally is the number of conversations held in one calendar week.
type WeekTally struct {
	// Start is the week's Monday, at midnight in the location asked for.
	Start time.Time
	Held  int
}

// Funnel counts contacts by how far they got: asked for a conversation,
// replied (yes or no), held one, thanked. Each step counts everyone who got
// at least that far, so the numbers never grow down the funnel.
type Funnel struct {
	Asked, Replied, Held, Thanked int
}

// ReplyRate is the share of those asked who replied; ok is false when no
// one has been asked.
func (f Funnel) ReplyRate() (rate float64, ok bool) {
	if f.Asked == 0 {
		return 0, false
	}
	return float64(f.Replied) / float64(f.Asked), true
}

// DaySpread summarises whole numbers of days: how many, the median, and the
// range.
type DaySpread struct {
	Count    int
	Median   float64
	Min, Max int
}

// LengthTally compares the interviews' planned and actual lengths: how many
// were timed, how many ran over their budget (by more than
// OverBudgetGrace), and by how much.
type LengthTally struct {
	Timed, Over       int
	MeanOver, MaxOver time.Duration
}

// Progress is the notebook at a glance: the weekly rhythm against the
// goal, the pipeline as a funnel, and how the conversations went.
type Progress struct {
	// Weeks are the last weeks, oldest first; the last is the current one,
	// still under way.
	Weeks []WeekTally
	Goal  int
	// Streak is how many weeks in a row, back from the latest, met the
	// goal; the current week counts once it has.
	Streak int
	Funnel Funnel
	// RequestToTalk is the days from a contact's first request to their
	// first conversation after it, over contacts that have both.
	RequestToTalk DaySpread
	// Conversations counts interviews held in Parley, which are the ones
	// with a wrap-up: the base for Referrals and Length.
	Conversations int
	// Referrals are the people named in wrap-ups; ReferralsAdded those
	// already made into contacts.
	Referrals, ReferralsAdded int
	Length                    LengthTally
}

// ReferralsPerConversation is the network's growth rate; ok is false before
// the first conversation.
func (p Progress) ReferralsPerConversation() (float64, bool) {
	if p.Conversations == 0 {
		return 0, false
	}
	return float64(p.Referrals) / float64(p.Conversations), true
}

// ProgressAt sums up the notebook at now over the given number of weeks
// (1 to 52; ProgressWeeks if out of range). Weeks run Monday to Sunday and
// days are calendar days, both in now's location and nowhere else, so the
// same notebook reads the same wherever the machine is. Interview headers
// and timeline entries without texts are enough (store.Overview).
func ProgressAt(now time.Time, weeks int, contacts []Contact, interviews []Interview, interactions []Interaction, s Settings) Progress {
	if weeks < 1 || weeks > 52 {
		weeks = ProgressWeeks
	}
	loc := now.Location()
	p := Progress{Goal: s.Normalized().WeeklyGoal}
	talks := conversations(interviews, interactions, loc)

	first := WeekStart(now).AddDate(0, 0, -7*(weeks-1))
	p.Weeks = make([]WeekTally, weeks)
	for i := range p.Weeks {
		p.Weeks[i].Start = first.AddDate(0, 0, 7*i)
	}
	for _, t := range talks {
		if d := t.day; !d.Before(first) && !d.After(now) {
			i := min(daysBetween(first, d)/7, weeks-1)
			p.Weeks[i].Held++
		}
	}
	for i := len(p.Weeks) - 1; i >= 0; i-- {
		if p.Weeks[i].Held >= p.Goal {
			p.Streak++
		} else if i < len(p.Weeks)-1 {
			break
		}
	}

	p.Funnel = funnelOf(contacts, interviews, interactions, talks)
	p.RequestToTalk = requestToTalk(interactions, talks, loc)
	for _, iv := range interviews {
		if _, held := iv.HeldAt(); !held {
			continue
		}
		p.Conversations++
		for _, r := range iv.WrapUp.Referrals {
			if r.Valid() {
				p.Referrals++
				if r.ContactID != 0 {
					p.ReferralsAdded++
				}
			}
		}
		p.Length.add(iv)
	}
	if p.Length.Over > 0 {
		p.Length.MeanOver /= time.Duration(p.Length.Over)
	}
	return p
}

// add counts one held interview; MeanOver holds the sum until the end.
func (l *LengthTally) add(iv Interview) {
	length := iv.WrapUp.Length
	if length <= 0 || iv.Budget <= 0 {
		return
	}
	l.Timed++
	if over := length - iv.Budget; over > OverBudgetGrace {
		l.Over++
		l.MeanOver += over
		l.MaxOver = max(l.MaxOver, over)
	}
}

// WeekStart is the Monday of t's week, at midnight in t's location.
func WeekStart(t time.Time) time.Time {
	y, m, d := t.Date()
	back := (int(t.Weekday()) + 6) % 7
	return time.Date(y, m, d-back, 0, 0, 0, 0, t.Location())
}

// daysBetween counts calendar days from a's date to b's, in a's location;
// a day of 23 or 25 hours is still one day.
func daysBetween(a, b time.Time) int {
	ay, am, ad := a.Date()
	by, bm, bd := b.In(a.Location()).Date()
	ua := time.Date(ay, am, ad, 0, 0, 0, 0, time.UTC)
	ub := time.Date(by, bm, bd, 0, 0, 0, 0, time.UTC)
	return int(ub.Sub(ua).Hours() / 24)
}

// talk is one conversation held: with whom, when, and its local day.
type talk struct {
	contact uint64
	at, day time.Time
}

// conversations lists the conversations held: interviews ended in Parley
// and interviews logged on the timeline. Ending an interview also logs one,
// so a contact's conversations on one local day count once.
func conversations(interviews []Interview, interactions []Interaction, loc *time.Location) []talk {
	type key struct {
		contact uint64
		day     time.Time
	}
	seen := map[key]bool{}
	var out []talk
	add := func(contact uint64, at time.Time) {
		at = at.In(loc)
		y, m, d := at.Date()
		k := key{contact, time.Date(y, m, d, 0, 0, 0, 0, loc)}
		if !seen[k] {
			seen[k] = true
			out = append(out, talk{contact: contact, at: at, day: k.day})
		}
	}
	for _, iv := range interviews {
		if at, held := iv.HeldAt(); held {
			add(iv.ContactID, at)
		}
	}
	for _, it := range interactions {
		if it.Kind == KindInterview && !it.At.IsZero() {
			add(it.ContactID, it.At)
		}
	}
	return out
}

// funnelOf places every contact at the furthest step the timeline, the
// interviews or the stage the user set show they reached.
func funnelOf(contacts []Contact, interviews []Interview, interactions []Interaction, talks []talk) Funnel {
	const (
		asked = iota + 1
		replied
		held
		thanked
	)
	reached := map[uint64]int{}
	reach := func(id uint64, step int) { reached[id] = max(reached[id], step) }
	for _, c := range contacts {
		switch c.CurrentStage() {
		case RequestSent, NoReply:
			reach(c.ID, asked)
		case Scheduled, Declined:
			reach(c.ID, replied)
		case Interviewed:
			reach(c.ID, held)
		case Thanked, KeepingInTouch:
			reach(c.ID, thanked)
		}
	}
	for _, it := range interactions {
		switch it.Kind {
		case KindRequest:
			reach(it.ContactID, asked)
		case KindReply, KindCall:
			reach(it.ContactID, replied)
		case KindThankYou, KindUpdate:
			reach(it.ContactID, thanked)
		}
	}
	for _, iv := range interviews {
		if iv.Scheduled != nil {
			reach(iv.ContactID, replied)
		}
	}
	for _, t := range talks {
		reach(t.contact, held)
	}
	known := make(map[uint64]bool, len(contacts))
	for _, c := range contacts {
		known[c.ID] = true
	}
	var f Funnel
	for id, step := range reached {
		if !known[id] {
			continue
		}
		f.Asked++
		if step >= replied {
			f.Replied++
		}
		if step >= held {
			f.Held++
		}
		if step >= thanked {
			f.Thanked++
		}
	}
	return f
}

// requestToTalk measures, per contact, the calendar days from the first
// request to the first conversation held on or after it.
func requestToTalk(interactions []Interaction, talks []talk, loc *time.Location) DaySpread {
	firstAsk := map[uint64]time.Time{}
	for _, it := range interactions {
		if it.Kind != KindRequest || it.At.IsZero() {
			continue
		}
		if at, ok := firstAsk[it.ContactID]; !ok || it.At.Before(at) {
			firstAsk[it.ContactID] = it.At
		}
	}
	firstTalk := map[uint64]time.Time{}
	for _, t := range talks {
		ask, ok := firstAsk[t.contact]
		if !ok || t.at.Before(ask) {
			continue
		}
		if at, ok := firstTalk[t.contact]; !ok || t.at.Before(at) {
			firstTalk[t.contact] = t.at
		}
	}
	days := make([]int, 0, len(firstTalk))
	for id, at := range firstTalk {
		days = append(days, daysBetween(firstAsk[id].In(loc), at))
	}
	return spreadOf(days)
}

// spreadOf summarises days; the zero DaySpread for none.
func spreadOf(days []int) DaySpread {
	if len(days) == 0 {
		return DaySpread{}
	}
	slices.Sort(days)
	n := len(days)
	median := float64(days[n/2])
	if n%2 == 0 {
		median = float64(days[n/2-1]+days[n/2]) / 2
	}
	return DaySpread{Count: n, Median: median, Min: days[0], Max: days[n-1]}
}

// QuestionTally is what the bank counts for one question: the interviews
// it was asked in and those where its answer earned a star.
type QuestionTally struct {
	Key, Text      string
	Asked, Starred int
}

// RankByStars lists the questions whose answers earned a star, most stars
// first; among equals the better hit rate (fewer asks for the stars), then
// the text. The input is left as it is.
func RankByStars(tallies []QuestionTally) []QuestionTally {
	var out []QuestionTally
	for _, t := range tallies {
		if t.Starred > 0 {
			out = append(out, t)
		}
	}
	slices.SortFunc(out, func(a, b QuestionTally) int {
		return cmp.Or(b.Starred-a.Starred, a.Asked-b.Asked, strings.Compare(a.Text, b.Text),
			strings.Compare(a.Key, b.Key))
	})
	return out
}
