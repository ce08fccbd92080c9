package model_test

import (
	"reflect"
	"testing"
	"time"

	"parley/model"
	"parley/model/sample"
)

// RhythmAt, from the facts the store keeps per contact, gives the weeks
// and streak ProgressAt gives from every record.
func TestRhythmFromFactsIsTheProgressRhythm(t *testing.T) {
	now := time.Date(2026, 11, 2, 10, 0, 0, 0, time.UTC)
	g := sample.New(7, now)
	var cs []model.Contact
	var ivs []model.Interview
	var its []model.Interaction
	for i := range 400 {
		p := g.Next()
		p.Contact.ID = uint64(i + 1)
		cs = append(cs, p.Contact)
		for j, iv := range p.Interviews {
			iv.ID, iv.ContactID = uint64(i*10+j+1), p.Contact.ID
			ivs = append(ivs, iv)
		}
		for j, it := range p.Interactions {
			it.ID, it.ContactID = uint64(i*100+j+1), p.Contact.ID
			its = append(its, it)
		}
	}
	byID := model.SummarizeFacts(ivs, its)
	facts := make([]model.ActivityFacts, len(cs))
	for i, c := range cs {
		facts[i] = byID[c.ID]
	}
	for _, zone := range []string{"UTC", "Asia/Tokyo"} {
		loc, err := time.LoadLocation(zone)
		if err != nil {
			t.Fatal(err)
		}
		at := now.In(loc)
		want := model.ProgressAt(at, model.ProgressWeeks, cs, ivs, its, model.Defaults())
		got := model.RhythmAt(at, model.ProgressWeeks, facts, model.Defaults())
		if !reflect.DeepEqual(got.Weeks, want.Weeks) || got.Streak != want.Streak || got.Goal != want.Goal {
			t.Errorf("%s: rhythm %+v, want %+v", zone, got, want)
		}
		held := 0
		for _, w := range got.Weeks {
			held += w.Held
		}
		if held == 0 {
			t.Errorf("%s: no conversations in the weeks shown; the test shows nothing", zone)
		}
	}
}
