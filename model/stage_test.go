package model

import "testing"

func TestStagesOrder(t *testing.T) {
	all := Stages()
	if len(all) != 8 || all[0] != ToContact || all[5] != KeepingInTouch || all[7] != NoReply {
		t.Fatalf("Stages = %v", all)
	}
	for i, s := range all {
		if s.Order() != i || !s.Valid() {
			t.Errorf("%q: Order %d, Valid %v", s, s.Order(), s.Valid())
		}
		if s.IsEnding() != (s == Declined || s == NoReply) {
			t.Errorf("%q IsEnding = %v", s, s.IsEnding())
		}
	}
	all[0] = "mutated"
	if Stages()[0] != ToContact {
		t.Error("Stages shares its slice")
	}
	if Stage("").Order() != 0 || Stage("odd").Order() != len(all) || Stage("odd").Valid() {
		t.Error("empty or unknown stage ordered wrongly")
	}
}

func TestAdvanceNeverMovesBackwards(t *testing.T) {
	for _, tc := range []struct {
		from, to, want Stage
	}{
		{"", RequestSent, RequestSent},
		{ToContact, RequestSent, RequestSent},
		{RequestSent, Scheduled, Scheduled},
		{Scheduled, Interviewed, Interviewed},
		{RequestSent, Interviewed, Interviewed}, // skipping ahead is fine
		{Interviewed, Thanked, Thanked},
		{Thanked, KeepingInTouch, KeepingInTouch},
		{Interviewed, RequestSent, Interviewed}, // a late request does not undo an interview
		{Thanked, Interviewed, Thanked},         // a second interview keeps the thank-you stage
		{KeepingInTouch, Thanked, KeepingInTouch},
		{Scheduled, Scheduled, Scheduled},
		{ToContact, Declined, Declined},
		{RequestSent, NoReply, NoReply},
		{NoReply, Declined, Declined},
		{Interviewed, Declined, Interviewed}, // no automatic ending after an interview
		{NoReply, RequestSent, NoReply},      // reopening is by hand
		{Declined, RequestSent, Declined},
		{NoReply, Scheduled, Scheduled}, // they said yes after all
		{Declined, Interviewed, Interviewed},
		{ToContact, "bogus", ToContact},
	} {
		c := Contact{Name: "A", Stage: tc.from}
		moved := c.Advance(tc.to)
		if c.CurrentStage() != tc.want {
			t.Errorf("%q → %q: got %q, want %q", tc.from, tc.to, c.CurrentStage(), tc.want)
		}
		if moved != (tc.want != Contact{Stage: tc.from}.CurrentStage()) {
			t.Errorf("%q → %q: moved = %v", tc.from, tc.to, moved)
		}
	}
}

func TestSetStageGoesAnywhere(t *testing.T) {
	c := Contact{Name: "A", Stage: KeepingInTouch}
	if !c.SetStage(ToContact) || c.Stage != ToContact {
		t.Errorf("SetStage backwards: %q", c.Stage)
	}
	if c.SetStage("bogus") || c.Stage != ToContact {
		t.Errorf("SetStage accepted an unknown stage: %q", c.Stage)
	}
}

func TestInteractionMoves(t *testing.T) {
	for _, tc := range []struct {
		kind InteractionKind
		to   Stage
		ok   bool
	}{
		{KindRequest, RequestSent, true},
		{KindReply, "", false},
		{KindCall, "", false},
		{KindInterview, Interviewed, true},
		{KindThankYou, Thanked, true},
		{KindUpdate, KeepingInTouch, true},
		{KindNote, "", false},
	} {
		to, ok := tc.kind.MovesTo()
		if to != tc.to || ok != tc.ok {
			t.Errorf("%q MovesTo = %q, %v", tc.kind, to, ok)
		}
	}
	c := Contact{Name: "A", Stage: Interviewed}
	if (Interaction{Kind: KindRequest}).Apply(&c) || c.Stage != Interviewed {
		t.Errorf("logging a request moved an interviewed contact to %q", c.Stage)
	}
	if !(Interaction{Kind: KindThankYou}).Apply(&c) || c.Stage != Thanked {
		t.Errorf("thank-you: %q", c.Stage)
	}
}
