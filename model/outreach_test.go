package model

import (
	"testing"
	"time"
)

func TestPurposeKindMovesThePipeline(t *testing.T) {
	for _, tc := range []struct {
		p    Purpose
		kind InteractionKind
		to   Stage
	}{
		{PurposeRequest, KindRequest, RequestSent},
		{PurposeReminder, KindRequest, RequestSent},
		{PurposeThanks, KindThankYou, Thanked},
		{PurposeUpdate, KindUpdate, KeepingInTouch},
		{PurposeOther, KindNote, ""},
	} {
		if got := tc.p.InteractionKind(); got != tc.kind {
			t.Errorf("%s logs as %q, want %q", tc.p, got, tc.kind)
		}
		to, _ := tc.kind.MovesTo()
		if to != tc.to {
			t.Errorf("%s moves to %q, want %q", tc.p, to, tc.to)
		}
	}
}

func TestSuggestedTemplate(t *testing.T) {
	for _, tc := range []struct {
		name string
		c    Contact
		step Step
		want string
	}{
		{"new contact", Contact{Stage: ToContact}, Step{Kind: StepSendRequest}, "request-email"},
		{"referred contact", Contact{ReferredBy: 3}, Step{Kind: StepSendRequest}, "referral-request"},
		{"request not yet overdue", Contact{Stage: RequestSent}, Step{Kind: StepFollowUp}, ""},
		{"request unanswered too long", Contact{Stage: RequestSent}, Step{Kind: StepFollowUp, Overdue: true}, "reminder"},
		{"thank-you owed", Contact{Stage: Interviewed}, Step{Kind: StepThankYou, Due: time.Now()}, "thank-you"},
		{"keep in touch", Contact{Stage: Thanked, MayContactAgain: true}, Step{Kind: StepKeepInTouch}, "update"},
		{"thanked, no step", Contact{Stage: Thanked}, Step{}, "update"},
		{"declined", Contact{Stage: Declined}, Step{}, ""},
	} {
		if got := SuggestedTemplate(tc.c, tc.step); got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.name, got, tc.want)
		}
		if tc.want != "" {
			if _, ok := BuiltInTemplate(tc.want); !ok {
				t.Errorf("%s: %q is not a built-in", tc.name, tc.want)
			}
		}
	}
}
