package store

import (
	"errors"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"parley/model"
)

func templateByID(t *testing.T, s *Store, id string) (model.TemplateDoc, bool) {
	t.Helper()
	all, err := s.Templates()
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range all {
		if d.ID == id {
			return d, true
		}
	}
	return model.TemplateDoc{}, false
}

func TestTemplatesStartAsBuiltIns(t *testing.T) {
	s, _ := openTemp(t)
	all, err := s.Templates()
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != len(model.BuiltInTemplates()) {
		t.Fatalf("%d templates in a new notebook", len(all))
	}
	for _, d := range all {
		if !d.BuiltIn || d.Edited {
			t.Errorf("%s: built-in %v, edited %v", d.ID, d.BuiltIn, d.Edited)
		}
	}
}

func TestEditAndResetBuiltIn(t *testing.T) {
	s, path := openTemp(t)
	doc, _ := model.BuiltInTemplate("thank-you")
	doc.Body = "Thank you, {{contact.first_name}}.\n{{my.name}}"
	doc.Purpose = model.PurposeRequest
	saved, err := s.PutTemplate(doc)
	if err != nil {
		t.Fatal(err)
	}
	if !saved.BuiltIn || !saved.Edited || saved.Purpose != model.PurposeThanks {
		t.Errorf("saved = %+v", saved)
	}
	s.Close()
	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got, _ := templateByID(t, s, "thank-you"); got.Body != doc.Body || !got.Edited {
		t.Errorf("after reopen = %+v", got)
	}
	if err := s.DeleteTemplate("thank-you"); !errors.Is(err, ErrDeleteBuiltIn) {
		t.Errorf("delete built-in: %v", err)
	}
	reset, err := s.ResetTemplate("thank-you")
	if err != nil || reset.Edited {
		t.Fatalf("reset = %+v, %v", reset, err)
	}
	orig, _ := model.BuiltInTemplate("thank-you")
	if got, _ := templateByID(t, s, "thank-you"); got.Body != orig.Body || got.Edited {
		t.Errorf("after reset = %+v", got)
	}
}

func storedTemplateCount(t *testing.T, s *Store) int {
	t.Helper()
	n := 0
	err := s.db.View(func(tx *bolt.Tx) error { n = tx.Bucket(bucketTemplates).Stats().KeyN; return nil })
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestSavingABuiltInUnchangedStoresNothing(t *testing.T) {
	s, _ := openTemp(t)
	doc, _ := model.BuiltInTemplate("reminder")
	doc.Body += "P.S."
	s.PutTemplate(doc)
	doc, _ = model.BuiltInTemplate("reminder")
	saved, err := s.PutTemplate(doc)
	if err != nil || saved.Edited {
		t.Fatalf("saved = %+v, %v", saved, err)
	}
	if n := storedTemplateCount(t, s); n != 0 {
		t.Errorf("%d stored templates; an unchanged built-in should follow Parley's text", n)
	}
	if _, err := s.ResetTemplate("reminder"); err != nil {
		t.Errorf("resetting an unedited built-in: %v", err)
	}
}

func TestOwnTemplates(t *testing.T) {
	s, _ := openTemp(t)
	first, err := s.PutTemplate(model.TemplateDoc{Name: "Coffee chat", Body: "Hi {{contact.first_name}}!",
		Purpose: model.PurposeRequest, Channel: model.ChannelMessage})
	if err != nil {
		t.Fatal(err)
	}
	second, _ := s.PutTemplate(model.TemplateDoc{Name: "Card", Body: "Thanks"})
	if first.ID != "u-1" || second.ID != "u-2" || first.BuiltIn || second.Purpose != model.PurposeOther {
		t.Errorf("first = %+v\nsecond = %+v", first, second)
	}
	first.Body = "Hello {{contact.first_name}}."
	if _, err := s.PutTemplate(first); err != nil {
		t.Fatal(err)
	}
	all, _ := s.Templates()
	n := len(model.BuiltInTemplates())
	if len(all) != n+2 || all[n].ID != "u-1" || all[n].Body != first.Body || all[n].Channel != model.ChannelMessage {
		t.Fatalf("templates = %+v", all[n:])
	}
	if _, err := s.ResetTemplate("u-1"); !errors.Is(err, ErrResetOwn) {
		t.Errorf("reset own: %v", err)
	}
	if err := s.DeleteTemplate("u-1"); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteTemplate("u-1"); !errors.Is(err, ErrNotFound) {
		t.Errorf("second delete: %v", err)
	}
	if _, err := s.PutTemplate(model.TemplateDoc{ID: "u-1", Name: "Back", Body: "x"}); !errors.Is(err, ErrNotFound) {
		t.Errorf("saving a deleted template: %v", err)
	}
	third, _ := s.PutTemplate(model.TemplateDoc{Name: "Third", Body: "x"})
	if third.ID != "u-3" {
		t.Errorf("IDs are reused: %s", third.ID)
	}
}

func TestBrokenTemplateIsRefusedWithItsPosition(t *testing.T) {
	s, _ := openTemp(t)
	_, err := s.PutTemplate(model.TemplateDoc{Name: "Oops", Body: "Dear {{contact.name}},\nat {{contact.nmae}}"})
	var pe *model.ParseError
	if !errors.As(err, &pe) || pe.Part != "body" || pe.Line != 2 || pe.Column != 4 {
		t.Fatalf("err = %v", err)
	}
	if !strings.Contains(err.Error(), "did you mean {{contact.name}}?") {
		t.Errorf("err = %v", err)
	}
	if n := storedTemplateCount(t, s); n != 0 {
		t.Errorf("broken template stored")
	}
}

func TestProfileRoundTrip(t *testing.T) {
	s, path := openTemp(t)
	p, err := s.Profile()
	if err != nil || p != (model.Profile{}) || p.Complete() {
		t.Fatalf("new notebook profile = %+v, %v", p, err)
	}
	want := model.Profile{Name: "Sam Okafor", Intro: "I study geography.", Exploring: "urban planning", Contact: "sam@example.org"}
	in := want
	in.Name = "  Sam Okafor\n"
	if saved, err := s.PutProfile(in); err != nil || saved != want {
		t.Fatalf("saved = %+v, %v", saved, err)
	}
	s.Close()
	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got, err := s.Profile(); err != nil || got != want || !got.Complete() {
		t.Errorf("after reopen = %+v, %v", got, err)
	}
}
