package model

import (
	"reflect"
	"testing"
	"time"
	_ "time/tzdata" // the DST test needs a real zone on any machine
)

// zone is five hours behind UTC, so local and UTC days differ in the
// evening: a test that used UTC days by mistake fails.
var zone = time.FixedZone("UTC-5", -5*3600)

// now is Wednesday 11 November 2026, 09:00 local.
var now = time.Date(2026, 11, 11, 9, 0, 0, 0, zone)

func at(day, hour, min int) time.Time { return time.Date(2026, 11, day, hour, min, 0, 0, zone) }

func held(id, contact uint64, when time.Time) Interview {
	return Interview{ID: id, ContactID: contact, Clock: Clock{StartedAt: when.Add(-20 * time.Minute), EndedAt: when}}
}

func scheduled(id, contact uint64, when time.Time) Interview {
	return Interview{ID: id, ContactID: contact, Scheduled: &Schedule{At: when, Mode: ModeVideo}}
}

func logged(id, contact uint64, k InteractionKind, when time.Time) Interaction {
	return Interaction{ID: id, ContactID: contact, Kind: k, At: when}
}

func people(n int) []Contact {
	cs := make([]Contact, n)
	for i := range cs {
		cs[i] = Contact{ID: uint64(i + 1), Name: "C", Stage: RequestSent}
	}
	return cs
}

// A running or paused interview is still going on: it is not held, so no
// thank-you is due, and it stays among the day's interviews.
func TestInterviewInProgressIsNotHeld(t *testing.T) {
	iv := scheduled(1, 1, at(11, 8, 0))
	iv.Clock = Clock{}.Start(at(11, 8, 0)).Pause(at(11, 8, 10))
	ag := NextSteps(now, people(1), []Interview{iv}, nil, Defaults())
	if len(ag.ThankYouDue) != 0 {
		t.Errorf("thank-you due for an interview in progress: %+v", ag.ThankYouDue)
	}
	if len(ag.Upcoming) != 1 || !ag.Upcoming[0].Today || !ag.Upcoming[0].Underway {
		t.Errorf("upcoming = %+v, want today's interview, under way", ag.Upcoming)
	}
	// Even one scheduled for later: once started, it is going on now.
	later := scheduled(2, 1, at(12, 10, 0))
	later.Clock = Clock{}.Start(at(11, 8, 30))
	acts := Summarize(now, []Interview{later}, nil)
	if step := NextStep(now, people(1)[0], acts[1], Defaults()); step.Kind != StepUnderway {
		t.Errorf("next step = %v, want the interview under way", step.Kind)
	}
	ag = NextSteps(now, people(1), []Interview{later}, nil, Defaults())
	if len(ag.Upcoming) != 1 || !ag.Upcoming[0].Underway {
		t.Errorf("upcoming = %+v", ag.Upcoming)
	}
}

func TestUpcomingIsTodayAndNextSevenDays(t *testing.T) {
	ivs := []Interview{
		scheduled(1, 1, at(18, 23, 30)), // day 7, late evening: in
		scheduled(2, 2, at(19, 0, 0)),   // day 8: out
		scheduled(3, 3, at(11, 8, 0)),   // earlier today, not held yet: in, today
		scheduled(4, 4, at(10, 23, 0)),  // yesterday evening local (today in UTC): missed
		scheduled(5, 5, at(12, 10, 0)),  // tomorrow: in
		held(6, 6, at(11, 8, 30)),       // held already: out
	}
	ivs[5].Scheduled = &Schedule{At: at(11, 8, 0)}
	ag := NextSteps(now, people(6), ivs, nil, Defaults())
	var got []uint64
	for _, u := range ag.Upcoming {
		got = append(got, u.InterviewID)
		if u.Today != (u.InterviewID == 3) {
			t.Errorf("interview %d Today = %v", u.InterviewID, u.Today)
		}
		if u.Missed != (u.InterviewID == 4) {
			t.Errorf("interview %d Missed = %v", u.InterviewID, u.Missed)
		}
	}
	// A missed one comes first: it is the most pressing.
	if want := []uint64{4, 3, 5, 1}; !equalIDs(got, want) {
		t.Errorf("upcoming = %v, want %v", got, want)
	}
}

func TestEarliestFutureInterviewIsPending(t *testing.T) {
	ivs := []Interview{scheduled(1, 1, at(20, 9, 0)), scheduled(2, 1, at(13, 9, 0)), scheduled(3, 1, at(2, 9, 0))}
	a := Summarize(now, ivs, nil)[1]
	if a.Pending == nil || a.Pending.ID != 2 {
		t.Fatalf("pending = %+v, want interview 2", a.Pending)
	}
	a = Summarize(now, ivs[2:], nil)[1]
	if a.Pending == nil || a.Pending.ID != 3 {
		t.Fatalf("only a missed interview: pending = %+v", a.Pending)
	}
	if s := NextStep(now, Contact{Stage: Scheduled}, a, Defaults()); s.Kind != StepInterview || !s.Overdue {
		t.Errorf("missed interview step = %+v", s)
	}
}

func TestThankYouDue(t *testing.T) {
	for _, tc := range []struct {
		name     string
		held     time.Time
		thanks   []time.Time
		days     int
		due      bool
		daysLeft int
	}{
		{"held today", at(11, 8, 0), nil, 7, true, 7},
		{"exactly seven days ago is due today", at(4, 9, 0), nil, 7, true, 0},
		{"late evening seven days ago, local day", at(4, 23, 30), nil, 7, true, 0},
		{"eight days ago is overdue", at(3, 9, 0), nil, 7, true, -1},
		{"thanked the same day, earlier hour", at(4, 15, 0), []time.Time{at(4, 9, 0)}, 7, false, 0},
		{"thanked later", at(3, 9, 0), []time.Time{at(5, 9, 0)}, 7, false, 0},
		{"only an older thank-you", at(9, 9, 0), []time.Time{at(1, 9, 0)}, 7, true, 5},
		{"configured three days", at(7, 9, 0), nil, 3, true, -1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			its := []Interaction{}
			for i, th := range tc.thanks {
				its = append(its, logged(uint64(i+1), 1, KindThankYou, th))
			}
			s := Settings{ThankYouDays: tc.days}
			ag := NextSteps(now, people(1), []Interview{held(1, 1, tc.held)}, its, s)
			if got := len(ag.ThankYouDue) == 1; got != tc.due {
				t.Fatalf("due = %v, want %v (%+v)", got, tc.due, ag.ThankYouDue)
			}
			if !tc.due {
				return
			}
			d := ag.ThankYouDue[0]
			if d.DaysLeft != tc.daysLeft || d.Overdue != (tc.daysLeft < 0) {
				t.Errorf("DaysLeft %d Overdue %v, want %d", d.DaysLeft, d.Overdue, tc.daysLeft)
			}
			if d.Due.Location() != zone || d.Due.Hour() != 0 {
				t.Errorf("Due = %v, want local midnight", d.Due)
			}
		})
	}
}

// The due date written in an interview's wrap-up wins over the rule: the
// user may have agreed to write sooner, or later.
func TestWrapUpDueDateOverridesTheRule(t *testing.T) {
	iv := held(1, 1, at(10, 9, 0))
	iv.WrapUp.ThankYouDue = time.Date(2026, 11, 12, 0, 0, 0, 0, zone)
	ag := NextSteps(now, people(1), []Interview{iv}, nil, Defaults())
	if len(ag.ThankYouDue) != 1 || ag.ThankYouDue[0].DaysLeft != 1 {
		t.Fatalf("ThankYouDue = %+v, want due tomorrow", ag.ThankYouDue)
	}
	// An older interview's wrap-up date does not apply to a newer one.
	older := held(2, 1, at(1, 9, 0))
	older.WrapUp.ThankYouDue = time.Date(2026, 11, 2, 0, 0, 0, 0, zone)
	ag = NextSteps(now, people(1), []Interview{iv, older}, nil, Defaults())
	if len(ag.ThankYouDue) != 1 || ag.ThankYouDue[0].DaysLeft != 1 {
		t.Errorf("ThankYouDue = %+v, want the newest wrap-up's date", ag.ThankYouDue)
	}
}

func TestLoggedInterviewCountsAsHeld(t *testing.T) {
	its := []Interaction{logged(1, 1, KindInterview, at(2, 12, 0))}
	ag := NextSteps(now, people(1), nil, its, Defaults())
	if len(ag.ThankYouDue) != 1 || !ag.ThankYouDue[0].Overdue {
		t.Errorf("thank-you for a logged interview: %+v", ag.ThankYouDue)
	}
}

func TestNoReply(t *testing.T) {
	for _, tc := range []struct {
		name  string
		stage Stage
		its   []Interaction
		ivs   []Interview
		days  int
		want  int // Days, or 0 for not listed
	}{
		{"seven days is not yet", RequestSent, []Interaction{logged(1, 1, KindRequest, at(4, 8, 0))}, nil, 7, 0},
		{"eight days", RequestSent, []Interaction{logged(1, 1, KindRequest, at(3, 23, 0))}, nil, 7, 8},
		{"configured three", RequestSent, []Interaction{logged(1, 1, KindRequest, at(7, 8, 0))}, nil, 3, 4},
		{"a reply resets", RequestSent, []Interaction{
			logged(1, 1, KindRequest, at(1, 8, 0)), logged(2, 1, KindReply, at(2, 8, 0))}, nil, 7, 0},
		{"a note does not reset", RequestSent, []Interaction{
			logged(1, 1, KindRequest, at(1, 8, 0)), logged(2, 1, KindNote, at(10, 8, 0))}, nil, 7, 10},
		{"a second request restarts the wait", RequestSent, []Interaction{
			logged(1, 1, KindRequest, at(1, 8, 0)), logged(2, 1, KindRequest, at(9, 8, 0))}, nil, 7, 0},
		{"logged out of order", RequestSent, []Interaction{
			logged(2, 1, KindRequest, at(1, 8, 0)), logged(1, 1, KindReply, at(2, 8, 0))}, nil, 7, 0},
		{"a reply logged after the request but dated earlier", RequestSent, []Interaction{
			logged(1, 1, KindRequest, at(1, 21, 56)), logged(2, 1, KindReply, at(1, 9, 0))}, nil, 7, 0},
		{"a call logged in the request's minute", RequestSent, []Interaction{
			logged(1, 1, KindRequest, at(1, 21, 56).Add(30*time.Second)), logged(2, 1, KindCall, at(1, 21, 56))}, nil, 7, 0},
		{"an old reply logged after a new request", RequestSent, []Interaction{
			logged(1, 1, KindRequest, at(1, 8, 0)), logged(2, 1, KindReply, time.Date(2026, 9, 3, 8, 0, 0, 0, zone))}, nil, 7, 10},
		{"closed as no reply", NoReply, []Interaction{logged(1, 1, KindRequest, at(1, 8, 0))}, nil, 7, 0},
		{"declined", Declined, []Interaction{logged(1, 1, KindRequest, at(1, 8, 0))}, nil, 7, 0},
		{"already scheduled", Scheduled, []Interaction{logged(1, 1, KindRequest, at(1, 8, 0))},
			[]Interview{scheduled(1, 1, at(14, 9, 0))}, 7, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cs := []Contact{{ID: 1, Name: "A", Stage: tc.stage}}
			ag := NextSteps(now, cs, tc.ivs, tc.its, Settings{NoReplyDays: tc.days})
			got := 0
			if len(ag.NoReply) == 1 {
				got = ag.NoReply[0].Days
			}
			if got != tc.want || len(ag.NoReply) > 1 {
				t.Errorf("no reply = %+v, want days %d", ag.NoReply, tc.want)
			}
			st := NextStep(now, cs[0], Summarize(now, tc.ivs, tc.its)[1], Settings{NoReplyDays: tc.days})
			if (st.Kind == StepFollowUp && st.Overdue) != (tc.want > 0) {
				t.Errorf("NextStep %+v disagrees with the agenda", st)
			}
		})
	}
}

func TestReferralsAndCounts(t *testing.T) {
	cs := []Contact{
		{ID: 1, Name: "Referrer", Stage: Thanked},
		{ID: 2, Name: "New", ReferredBy: 1, Created: at(5, 9, 0)},
		{ID: 3, Name: "Older", Stage: ToContact, ReferredBy: 1, Created: at(2, 9, 0)},
		{ID: 4, Name: "Asked", Stage: RequestSent, ReferredBy: 1},
		{ID: 5, Name: "Found", Stage: ToContact},
	}
	ag := NextSteps(now, cs, nil, []Interaction{logged(1, 99, KindRequest, at(1, 1, 0))}, Defaults())
	if len(ag.ReferralsToContact) != 2 || ag.ReferralsToContact[0].ContactID != 3 ||
		ag.ReferralsToContact[1] != (PendingReferral{ContactID: 2, ReferredBy: 1}) {
		t.Errorf("referrals = %+v", ag.ReferralsToContact)
	}
	want := map[Stage]int{ToContact: 3, RequestSent: 1, Thanked: 1}
	if len(ag.StageCounts) != len(Stages()) {
		t.Fatalf("counts = %+v", ag.StageCounts)
	}
	for i, sc := range ag.StageCounts {
		if sc.Stage != Stages()[i] || sc.Count != want[sc.Stage] {
			t.Errorf("count %d = %+v, want %d", i, sc, want[sc.Stage])
		}
	}
	if len(ag.NoReply) != 0 {
		t.Errorf("a deleted contact's request shows up: %+v", ag.NoReply)
	}
}

func TestNextStep(t *testing.T) {
	for _, tc := range []struct {
		name    string
		c       Contact
		ivs     []Interview
		its     []Interaction
		kind    StepKind
		due     time.Time
		overdue bool
	}{
		{"new contact", Contact{}, nil, nil, StepSendRequest, time.Time{}, false},
		{"waiting", Contact{Stage: RequestSent}, nil, []Interaction{logged(1, 1, KindRequest, at(9, 17, 0))},
			StepFollowUp, at(16, 0, 0), false},
		{"stage set by hand without a request", Contact{Stage: RequestSent}, nil, nil, StepFollowUp, time.Time{}, false},
		{"replied: schedule, not chase", Contact{Stage: RequestSent}, nil,
			[]Interaction{logged(1, 1, KindRequest, at(1, 17, 0)), logged(2, 1, KindReply, at(3, 9, 0))},
			StepSchedule, time.Time{}, false},
		{"interview beats thank-you", Contact{Stage: Thanked},
			[]Interview{held(1, 1, at(1, 9, 0)), scheduled(2, 1, at(12, 15, 0))}, nil, StepInterview, at(12, 15, 0), false},
		{"thank-you owed", Contact{Stage: Interviewed}, []Interview{held(1, 1, at(10, 9, 0))}, nil,
			StepThankYou, at(17, 0, 0), false},
		{"keep in touch", Contact{Stage: Thanked, MayContactAgain: true}, []Interview{held(1, 1, at(1, 9, 0))},
			[]Interaction{logged(1, 1, KindThankYou, at(2, 9, 0))}, StepKeepInTouch,
			time.Date(2027, 1, 31, 0, 0, 0, 0, zone), false},
		{"thanked, may not contact again", Contact{Stage: Thanked}, []Interview{held(1, 1, at(1, 9, 0))},
			[]Interaction{logged(1, 1, KindThankYou, at(2, 9, 0))}, StepNone, time.Time{}, false},
		{"declined", Contact{Stage: Declined}, nil, []Interaction{logged(1, 1, KindRequest, at(1, 9, 0))},
			StepNone, time.Time{}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.c.ID = 1
			got := NextStep(now, tc.c, Summarize(now, tc.ivs, tc.its)[1], Defaults())
			if got.Kind != tc.kind || !got.Due.Equal(tc.due) || got.Overdue != tc.overdue {
				t.Errorf("got %v %v overdue=%v, want %v %v overdue=%v",
					got.Kind, got.Due, got.Overdue, tc.kind, tc.due, tc.overdue)
			}
		})
	}
}

func TestDueDatesUseCalendarDaysAcrossDST(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Skip(err)
	}
	heldAt := time.Date(2026, 3, 5, 22, 0, 0, 0, ny) // DST starts 8 March
	now := time.Date(2026, 3, 12, 23, 59, 0, 0, ny)
	ag := NextSteps(now, people(1), []Interview{held(1, 1, heldAt)}, nil, Defaults())
	d := ag.ThankYouDue[0]
	if want := time.Date(2026, 3, 12, 0, 0, 0, 0, ny); !d.Due.Equal(want) || d.DaysLeft != 0 || d.Overdue {
		t.Errorf("due %v left %d overdue %v, want %v, 0, false", d.Due, d.DaysLeft, d.Overdue, want)
	}
}

func TestSettingsNormalized(t *testing.T) {
	if got := (Settings{ThankYouDays: 3, NoReplyDays: -1}).Normalized(); got != (Settings{ThankYouDays: 3, NoReplyDays: 7, KeepInTouchDays: 90, WeeklyGoal: 2}) {
		t.Errorf("Normalized = %+v", got)
	}
}

func TestWeeklyGoalDefaultsAndKeepsTheUsersChoice(t *testing.T) {
	for _, tc := range []struct{ stored, want int }{{0, 2}, {-3, 2}, {1, 1}, {5, 5}} {
		if got := (Settings{WeeklyGoal: tc.stored}).Normalized().WeeklyGoal; got != tc.want {
			t.Errorf("weekly goal %d normalized = %d, want %d", tc.stored, got, tc.want)
		}
	}
}

func equalIDs(a, b []uint64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// With six people at "to contact" What's next said "Nothing is due": asking
// someone is the method's first step, so they are listed, oldest first.
func TestPeopleToContactAreOnTheAgendaOldestFirst(t *testing.T) {
	cs := []Contact{
		{ID: 1, Name: "Newer", Stage: ToContact, Created: at(5, 9, 0)},
		{ID: 2, Name: "Oldest", Created: at(1, 9, 0)},
		{ID: 3, Name: "Referred", Stage: ToContact, ReferredBy: 2, Created: at(2, 9, 0)},
		{ID: 4, Name: "Asked", Stage: RequestSent, Created: at(1, 8, 0)},
		{ID: 5, Name: "Middle", Stage: ToContact, Created: at(3, 9, 0)},
	}
	ag := NextSteps(now, cs, nil, nil, Defaults())
	var ids []uint64
	for _, p := range ag.ToContact {
		ids = append(ids, p.ContactID)
	}
	if !reflect.DeepEqual(ids, []uint64{2, 5, 1}) {
		t.Errorf("to contact = %v, want [2 5 1] (referrals have their own section)", ids)
	}
}
