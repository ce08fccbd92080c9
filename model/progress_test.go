package model

import (
	"reflect"
	"testing"
	"time"
	_ "time/tzdata" // Europe/London's clock change, on any machine
)

// progressFixture is a notebook seen on Wednesday 25 November 2026. Ana's
// latest interview ended late on Sunday 22 November in UTC, which is
// already Monday 23 November in Tokyo.
func progressFixture() ([]Contact, []Interview, []Interaction) {
	utc := func(d, h, m int) time.Time { return time.Date(2026, 11, d, h, m, 0, 0, time.UTC) }
	contacts := []Contact{
		{ID: 1, Name: "Ana", Stage: Thanked},
		{ID: 2, Name: "Ben", Stage: RequestSent},
		{ID: 3, Name: "Chloé", Stage: Declined},
		{ID: 4, Name: "Dev"},
		{ID: 5, Name: "Eve", Stage: Interviewed},
	}
	ended := func(id, contact uint64, at time.Time, budget, length time.Duration) Interview {
		return Interview{ID: id, ContactID: contact, Budget: budget,
			Clock: Clock{StartedAt: at.Add(-length), EndedAt: at}, WrapUp: WrapUp{Length: length}}
	}
	late := ended(1, 1, utc(22, 23, 30), 20*time.Minute, 26*time.Minute)
	late.WrapUp.Referrals = []Referral{{Name: "Fay", ContactID: 6}, {Name: "Gus"}, {Name: "  "}}
	interviews := []Interview{
		late,
		ended(2, 1, utc(17, 10, 0), 30*time.Minute, 30*time.Minute+30*time.Second), // within the grace
		{ID: 3, ContactID: 4, Scheduled: &Schedule{At: utc(30, 9, 0), Mode: ModeVideo}},
		ended(4, 99, utc(24, 9, 0), 20*time.Minute, 20*time.Minute), // contact deleted
	}
	interactions := []Interaction{
		{ID: 1, ContactID: 1, Kind: KindRequest, At: utc(2, 10, 0)},
		{ID: 2, ContactID: 1, Kind: KindInterview, At: utc(22, 23, 30)}, // the same conversation as interview 1
		{ID: 3, ContactID: 1, Kind: KindThankYou, At: utc(24, 8, 0)},
		{ID: 4, ContactID: 2, Kind: KindRequest, At: utc(20, 9, 0)},
		{ID: 5, ContactID: 3, Kind: KindRequest, At: utc(10, 9, 0)},
		{ID: 6, ContactID: 3, Kind: KindReply, At: utc(11, 9, 0)},
		{ID: 7, ContactID: 5, Kind: KindRequest, At: utc(11, 14, 0)},
		{ID: 8, ContactID: 5, Kind: KindInterview, At: utc(12, 15, 0)},
		{ID: 9, ContactID: 5, Kind: KindNote, At: utc(13, 15, 0), Text: "a note moves nothing"},
	}
	return contacts, interviews, interactions
}

func TestProgressAtDependsOnlyOnTheLocationPassed(t *testing.T) {
	tokyo := time.FixedZone("Asia/Tokyo", 9*3600)
	for _, tc := range []struct {
		loc    *time.Location
		held   []int
		streak int
		days   DaySpread
	}{
		// UTC: Eve on the 12th; Ana on the 17th and the 22nd; someone
		// since deleted on the 24th.
		{time.UTC, []int{1, 2, 1}, 1, DaySpread{Count: 2, Median: 8, Min: 1, Max: 15}},
		// Tokyo: Ana's late talk falls on Monday 23rd, and Eve's request
		// at 23:00 on the 11th is two calendar days before her talk.
		{tokyo, []int{1, 1, 2}, 1, DaySpread{Count: 2, Median: 8.5, Min: 2, Max: 15}},
	} {
		t.Run(tc.loc.String(), func(t *testing.T) {
			contacts, interviews, interactions := progressFixture()
			now := time.Date(2026, 11, 25, 12, 0, 0, 0, tc.loc)
			p := ProgressAt(now, 3, contacts, interviews, interactions, Settings{})
			var held []int
			for i, w := range p.Weeks {
				held = append(held, w.Held)
				want := time.Date(2026, 11, 9+7*i, 0, 0, 0, 0, tc.loc)
				if !w.Start.Equal(want) || w.Start.Location() != tc.loc {
					t.Errorf("week %d starts %v, want %v", i, w.Start, want)
				}
			}
			if !reflect.DeepEqual(held, tc.held) || p.Streak != tc.streak || p.Goal != 2 {
				t.Errorf("held %v streak %d goal %d, want %v %d 2", held, p.Streak, p.Goal, tc.held, tc.streak)
			}
			if p.RequestToTalk != tc.days {
				t.Errorf("request to talk = %+v, want %+v", p.RequestToTalk, tc.days)
			}
			if want := (Funnel{Asked: 5, Replied: 4, Held: 2, Thanked: 1}); p.Funnel != want {
				t.Errorf("funnel = %+v, want %+v", p.Funnel, want)
			}
			if r, ok := p.Funnel.ReplyRate(); !ok || r != 0.8 {
				t.Errorf("reply rate = %v, %v", r, ok)
			}
			// Interview 4 belongs to a deleted contact: it still happened.
			if p.Conversations != 3 || p.Referrals != 2 || p.ReferralsAdded != 1 {
				t.Errorf("conversations %d referrals %d added %d, want 3 2 1", p.Conversations, p.Referrals, p.ReferralsAdded)
			}
			if want := (LengthTally{Timed: 3, Over: 1, MeanOver: 6 * time.Minute, MaxOver: 6 * time.Minute}); p.Length != want {
				t.Errorf("length = %+v, want %+v", p.Length, want)
			}
		})
	}
}

func TestProgressOfAnEmptyNotebook(t *testing.T) {
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	p := ProgressAt(now, 0, nil, nil, nil, Settings{WeeklyGoal: 3})
	if len(p.Weeks) != ProgressWeeks || p.Goal != 3 || p.Streak != 0 {
		t.Errorf("weeks %d goal %d streak %d", len(p.Weeks), p.Goal, p.Streak)
	}
	if _, ok := p.Funnel.ReplyRate(); ok {
		t.Error("a reply rate with no one asked")
	}
	if _, ok := p.ReferralsPerConversation(); ok {
		t.Error("referrals per conversation with no conversation")
	}
	if p.RequestToTalk != (DaySpread{}) || p.Length != (LengthTally{}) {
		t.Errorf("spread %+v length %+v, want zero", p.RequestToTalk, p.Length)
	}
}

func TestStreakCountsTheCurrentWeekOnceMet(t *testing.T) {
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC) // a Wednesday
	talkOn := func(d int) Interaction {
		return Interaction{ContactID: uint64(d), Kind: KindInterview, At: time.Date(2026, 11, d, 10, 0, 0, 0, time.UTC)}
	}
	for _, tc := range []struct {
		days []int
		want int
	}{
		{[]int{16, 9}, 2},           // two full weeks met, this one not yet
		{[]int{23, 16, 9}, 3},       // this week met too
		{[]int{23, 9}, 1},           // last week missed
		{[]int{26, 16}, 1},          // a talk logged for tomorrow is not counted
		{[]int{2, 3, 9, 16, 23}, 3}, // the week of the 2nd is before the 3 weeks
	} {
		var its []Interaction
		for _, d := range tc.days {
			its = append(its, talkOn(d))
		}
		if got := ProgressAt(now, 3, nil, nil, its, Settings{WeeklyGoal: 1}).Streak; got != tc.want {
			t.Errorf("talks on %v: streak %d, want %d", tc.days, got, tc.want)
		}
	}
}

func TestWeekStartAcrossTheClockChange(t *testing.T) {
	london, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Fatal(err)
	}
	// Clocks went back at 02:00 on Sunday 25 October 2026.
	for _, at := range []time.Time{
		time.Date(2026, 10, 19, 0, 0, 0, 0, london),
		time.Date(2026, 10, 25, 23, 59, 0, 0, london),
		time.Date(2026, 10, 21, 12, 0, 0, 0, london),
	} {
		want := time.Date(2026, 10, 19, 0, 0, 0, 0, london)
		if got := WeekStart(at); !got.Equal(want) {
			t.Errorf("WeekStart(%v) = %v, want %v", at, got, want)
		}
	}
	if got := daysBetween(time.Date(2026, 10, 24, 12, 0, 0, 0, london), time.Date(2026, 10, 26, 11, 0, 0, 0, london)); got != 2 {
		t.Errorf("days across the change = %d, want 2", got)
	}
}

func TestRankByStars(t *testing.T) {
	in := []QuestionTally{
		{Key: "a", Text: "Alpha", Asked: 5, Starred: 2},
		{Key: "b", Text: "Beta", Asked: 3, Starred: 2},
		{Key: "c", Text: "Gamma", Asked: 9, Starred: 0},
		{Key: "d", Text: "Delta", Asked: 4, Starred: 4},
		{Key: "e", Text: "Aardvark", Asked: 3, Starred: 2},
	}
	var keys []string
	for _, q := range RankByStars(in) {
		keys = append(keys, q.Key)
	}
	if want := []string{"d", "e", "b", "a"}; !reflect.DeepEqual(keys, want) {
		t.Errorf("ranked %v, want %v", keys, want)
	}
	if in[0].Key != "a" {
		t.Error("RankByStars reordered its input")
	}
}
