package store

import (
	"errors"
	"os"
	"reflect"
	"slices"
	"testing"

	bolt "go.etcd.io/bbolt"

	"parley/model"
)

func TestSearchSourcesStreamsEveryText(t *testing.T) {
	s, path := openTemp(t)
	ana, err := s.PutContact(model.Contact{Name: "Ana Ruiz", Role: "Planner", Organisation: "City Council",
		Tags: []string{"transport"}, Notes: "Wrote the cycling plan."})
	if err != nil {
		t.Fatal(err)
	}
	ben, err := s.PutContact(model.Contact{Name: "Ben"})
	if err != nil {
		t.Fatal(err)
	}
	iv := model.NewInterview(ana.ID, []string{"A typical week?"}, t0)
	iv.Notes = []model.Note{{QuestionID: 1, Text: "Meetings on Monday."}, {Text: "Site visits."}}
	iv.WrapUp.Takeaways = "Learn GIS."
	if iv, err = s.PutInterview(iv); err != nil {
		t.Fatal(err)
	}
	req, err := s.AddInteraction(model.Interaction{ContactID: ana.ID, Kind: model.KindRequest, At: t0, Text: "Dear Ana"}, false)
	if err != nil {
		t.Fatal(err)
	}
	reply, err := s.AddInteraction(model.Interaction{ContactID: ana.ID, Kind: model.KindReply, At: t0, Text: "Happy to"}, false)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddInteraction(model.Interaction{ContactID: ben.ID, Kind: model.KindCall, At: t0}, false); err != nil {
		t.Fatal(err)
	}
	s.Close()

	// A read-only open is enough: searching writes nothing.
	before, _ := os.ReadFile(path)
	ro, err := OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	var got []model.SearchSource
	if err := ro.SearchSources(func(src model.SearchSource) { got = append(got, src) }); err != nil {
		t.Fatal(err)
	}
	place := func(k model.HitKind, contact, interview uint64, para int, entry uint64) model.Place {
		return model.Place{Kind: k, ContactID: contact, InterviewID: interview, Paragraph: para, EntryID: entry}
	}
	want := []model.SearchSource{
		{Place: place(model.HitContact, ana.ID, 0, 0, 0), Text: "Ana Ruiz · Planner · City Council · transport"},
		{Place: place(model.HitResearch, ana.ID, 0, 0, 0), Text: "Wrote the cycling plan."},
		{Place: place(model.HitContact, ben.ID, 0, 0, 0), Text: "Ben"},
		{Place: place(model.HitResearch, ben.ID, 0, 0, 0), Text: ""},
		{Place: place(model.HitTakeaway, ana.ID, iv.ID, 0, 0), Text: "Learn GIS."},
		{Place: place(model.HitNote, ana.ID, iv.ID, 0, 0), Text: "Meetings on Monday."},
		{Place: place(model.HitNote, ana.ID, iv.ID, 1, 0), Text: "Site visits."},
		{Place: place(model.HitMessage, ana.ID, 0, 0, req.ID), Text: "Dear Ana"},
		{Place: place(model.HitTimeline, ana.ID, 0, 0, reply.ID), Text: "Happy to"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("sources =\n%+v\nwant\n%+v", got, want)
	}
	after, _ := os.ReadFile(path)
	if !slices.Equal(before, after) {
		t.Error("searching changed the notebook file")
	}
}

func TestSearchSourcesReportsDamagedNotes(t *testing.T) {
	s, _ := openTemp(t)
	c, err := s.PutContact(model.Contact{Name: "Ana"})
	if err != nil {
		t.Fatal(err)
	}
	iv, err := s.PutInterview(model.NewInterview(c.ID, nil, t0))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketInterviewNotes).Put(itob(iv.ID), []byte("{not json"))
	}); err != nil {
		t.Fatal(err)
	}
	err = s.SearchSources(func(model.SearchSource) {})
	if !errors.Is(err, ErrDamaged) {
		t.Fatalf("err = %v, want ErrDamaged", err)
	}
	if want := "read the notebook for search: the notebook is damaged: notes of interview 1 is not valid JSON"; err.Error() != want {
		t.Errorf("err = %q, want %q", err, want)
	}
}
