package ics

import (
	"bytes"
	"strings"
	"testing"
	"time"

	goical "github.com/emersion/go-ical"

	"parley/model"
)

func TestInterviewsInUTCAndFollowUpsAsDays(t *testing.T) {
	tokyo := time.FixedZone("JST", 9*3600)
	now := time.Date(2026, 3, 2, 9, 0, 0, 0, tokyo)
	contacts := []model.Contact{
		{ID: 1, Name: "Ana, Ruiz", Organisation: "Acme", Stage: model.Scheduled},
		{ID: 2, Name: "Bo", Stage: model.RequestSent},
	}
	ivs := []model.Interview{{ID: 7, ContactID: 1, Scheduled: &model.Schedule{
		At: time.Date(2026, 3, 5, 10, 0, 0, 0, tokyo), Mode: model.ModeVideo, Place: "https://meet.example.org/a", Length: 30 * time.Minute}}}
	its := []model.Interaction{{ID: 1, ContactID: 2, Kind: model.KindRequest, At: time.Date(2026, 2, 27, 12, 0, 0, 0, tokyo)}}
	var buf bytes.Buffer
	if err := Write(&buf, now, contacts, ivs, its, model.Defaults()); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{"DTSTART:20260305T010000Z", "DTEND:20260305T013000Z", "UID:interview-7@parley",
		"LOCATION:https://meet.example.org/a", `SUMMARY:Informational interview: Ana\, Ruiz`,
		"DTSTART;VALUE=DATE:20260306", "SUMMARY:Follow up with Bo"} {
		if !strings.Contains(out, want) {
			t.Errorf("calendar lacks %q:\n%s", want, out)
		}
	}
	if _, err := goical.NewDecoder(strings.NewReader(out)).Decode(); err != nil {
		t.Errorf("the calendar does not parse: %v", err)
	}
}

func TestEmptyCalendarIsValid(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(&buf, time.Unix(0, 0), nil, nil, nil, model.Defaults()); err != nil {
		t.Fatal(err)
	}
	if _, err := goical.NewDecoder(&buf).Decode(); err != nil {
		t.Errorf("empty calendar: %v", err)
	}
}
