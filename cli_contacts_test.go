package main

import (
	"strings"
	"testing"

	"parley/model"
)

func TestFindContact(t *testing.T) {
	contacts := []model.Contact{
		{ID: 1, Name: "Ana Ruiz", Organisation: "City Council"},
		{ID: 2, Name: "Ana Ruiz", Organisation: "Port Authority"},
		{ID: 3, Name: "José Núñez"},
		{ID: 4, Name: "Bo Li"},
		{ID: 5, Name: "Anabel Ortiz"},
	}
	for _, tc := range []struct {
		query  string
		wantID uint64
		err    string
	}{
		{"bo li", 4, ""},
		{"  BO   LI ", 4, ""},
		{"jose nunez", 3, ""},
		{"nunez", 3, ""},
		{"#2", 2, ""},
		{"ortiz", 5, ""},
		{"Ana Ruiz", 0, `"Ana Ruiz" could be Ana Ruiz (City Council) #1, Ana Ruiz (Port Authority) #2; say which with its #ID`},
		{"ana", 0, "could be Ana Ruiz (City Council) #1, Ana Ruiz (Port Authority) #2, Anabel Ortiz #5"},
		{"Zoë", 0, `no contact is called "Zoë"`},
		{"#9", 0, "no contact #9"},
		{" ", 0, "cannot be empty"},
	} {
		got, err := findContact(contacts, tc.query)
		if tc.err == "" {
			if err != nil || got.ID != tc.wantID {
				t.Errorf("%q: got #%d, %v; want #%d", tc.query, got.ID, err, tc.wantID)
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), tc.err) {
			t.Errorf("%q: err = %v, want %q", tc.query, err, tc.err)
		}
	}
}

func TestFindDuplicate(t *testing.T) {
	contacts := []model.Contact{
		{ID: 1, Name: "Ana Ruiz", Organisation: "City Council", Email: "ana@example.org"},
		{ID: 2, Name: "Bo Li"},
	}
	for _, tc := range []struct {
		c      model.Contact
		wantID uint64
		why    string
	}{
		{model.Contact{Name: "A. Ruiz", Email: "ANA@example.org "}, 1, "the same email"},
		{model.Contact{Name: "ana  ruiz", Organisation: "city council"}, 1, "the same name and organisation"},
		{model.Contact{Name: "Bo Li"}, 2, "the same name"},
		{model.Contact{Name: "Ana Ruiz", Organisation: "Port Authority"}, 0, ""},
		{model.Contact{Name: "Bo Li", Organisation: "Port Authority"}, 0, ""},
	} {
		have, why, dup := findDuplicate(contacts, tc.c)
		if dup != (tc.wantID != 0) || have.ID != tc.wantID || why != tc.why {
			t.Errorf("%+v: got #%d %q %v, want #%d %q", tc.c, have.ID, why, dup, tc.wantID, tc.why)
		}
	}
}

func TestParseStage(t *testing.T) {
	for in, want := range map[string]model.Stage{
		"to-contact": model.ToContact, "Request Sent": model.RequestSent, "request_sent": model.RequestSent,
		"sched": model.Scheduled, "keeping-in-touch": model.KeepingInTouch, "no reply": model.NoReply,
	} {
		if got, err := parseStage(in); err != nil || got != want {
			t.Errorf("%q: %q, %v", in, got, err)
		}
	}
	for _, bad := range []string{"", "t", "done"} {
		if _, err := parseStage(bad); err == nil || !strings.Contains(err.Error(), "request-sent") {
			t.Errorf("%q: %v", bad, err)
		}
	}
}
