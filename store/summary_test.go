package store

import (
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"parley/model"
	"parley/model/sample"
)

// summaryPart is what a summary keeps of an interview not yet held.
func summaryPart(iv model.Interview) model.Interview {
	return model.Interview{ID: iv.ID, ContactID: iv.ContactID, Budget: iv.Budget, Rev: iv.Rev, Created: iv.Created,
		Clock: iv.Clock, Scheduled: iv.Scheduled}
}

// checkSummaries compares every summary with what the records say.
func checkSummaries(t *testing.T, s *Store) {
	t.Helper()
	ov, err := s.Overview()
	if err != nil {
		t.Fatal(err)
	}
	sum, err := s.Summaries()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(sum.Contacts, ov.Contacts) {
		t.Fatalf("summaries hold %d contacts unlike the %d stored", len(sum.Contacts), len(ov.Contacts))
	}
	if sum.Settings != ov.Settings {
		t.Errorf("settings = %+v, want %+v", sum.Settings, ov.Settings)
	}
	facts := model.SummarizeFacts(ov.Interviews, ov.Interactions)
	for i, c := range sum.Contacts {
		want := facts[c.ID]
		if want.Underway != nil {
			u := summaryPart(*want.Underway)
			want.Underway = &u
		}
		for j := range want.Open {
			want.Open[j] = summaryPart(want.Open[j])
		}
		if !reflect.DeepEqual(sum.Facts[i], want) {
			t.Fatalf("contact %d: summary\n%+v\nwant\n%+v", c.ID, sum.Facts[i], want)
		}
	}
}

func TestUpgradeSummarisesEveryContact(t *testing.T) {
	for name, path := range map[string]string{"fixture": copyFixture(t), "generated": ""} {
		t.Run(name, func(t *testing.T) {
			if path == "" {
				path = filepath.Join(t.TempDir(), "parley.db")
				writeSchema1(t, path, 400, time.Date(2026, 11, 2, 10, 0, 0, 0, time.UTC))
			}
			s, err := Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if sum, err := s.Summaries(); err != nil || len(sum.Contacts) == 0 {
				t.Fatalf("summaries: %d contacts, %v", len(sum.Contacts), err)
			}
			checkSummaries(t, s)
		})
	}
}

// Every writer keeps the summaries right: a log, a schedule, an interview
// held, moved and deleted, a timeline entry deleted, a contact deleted.
func TestSummariesFollowEveryWrite(t *testing.T) {
	s, _ := openTemp(t)
	day := time.Date(2026, 11, 2, 9, 30, 0, 0, time.FixedZone("", 3600))
	ana, err := s.PutContact(model.Contact{Name: "Ana", Stage: model.ToContact, Created: day, Tags: []string{"law"}})
	if err != nil {
		t.Fatal(err)
	}
	ben, err := s.PutContact(model.Contact{Name: "Ben", ReferredBy: ana.ID, Created: day, Notes: "met at a talk"})
	if err != nil {
		t.Fatal(err)
	}
	checkSummaries(t, s)
	req, err := s.AddInteraction(model.Interaction{ContactID: ana.ID, Kind: model.KindRequest, At: day, Text: "hello"}, true)
	if err != nil {
		t.Fatal(err)
	}
	checkSummaries(t, s)
	iv, err := s.ScheduleInterview(model.NewInterview(ana.ID, []string{"q"}, day),
		model.Schedule{At: day.Add(72 * time.Hour), Mode: model.ModeInPerson})
	if err != nil {
		t.Fatal(err)
	}
	checkSummaries(t, s)
	iv.Clock = iv.Clock.Start(day.Add(72 * time.Hour))
	if iv, err = s.PutInterview(iv); err != nil {
		t.Fatal(err)
	}
	checkSummaries(t, s)
	iv.Clock = iv.Clock.End(day.Add(73 * time.Hour))
	iv.WrapUp.ThankYouDue = day.Add(96 * time.Hour)
	if iv, err = s.PutInterview(iv); err != nil {
		t.Fatal(err)
	}
	checkSummaries(t, s)
	iv.ContactID = ben.ID
	if iv, err = s.PutInterview(iv); err != nil {
		t.Fatal(err)
	}
	checkSummaries(t, s)
	if err := s.DeleteInteraction(req.ID); err != nil {
		t.Fatal(err)
	}
	checkSummaries(t, s)
	if err := s.DeleteContact(ana.ID); err != nil {
		t.Fatal(err)
	}
	checkSummaries(t, s)
	if err := s.DeleteContact(ben.ID); err != nil {
		t.Fatal(err)
	}
	checkSummaries(t, s)
}

// askedFor adds a contact called name, with a request sent.
func askedFor(t *testing.T, s *Store, name string) model.Contact {
	t.Helper()
	c, err := s.PutContact(model.Contact{Name: name})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddInteraction(model.Interaction{ContactID: c.ID, Kind: model.KindRequest,
		At: time.Date(2026, 1, 2, 3, 4, 0, 0, time.UTC)}, true); err != nil {
		t.Fatal(err)
	}
	return c
}

// A contact added without its summary (by a path that bypassed the
// writers) is still on the first screen, summarised from its records.
func TestContactWithoutSummaryIsSummarisedOnRead(t *testing.T) {
	s, _ := openTemp(t)
	for _, name := range []string{"Ana", "Ben", "Cy"} {
		askedFor(t, s, name)
	}
	if err := s.db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketContactSummaries).Delete(itob(3))
	}); err != nil {
		t.Fatal(err)
	}
	checkSummaries(t, s)
}

func TestSummaryDecodingRefusesDamage(t *testing.T) {
	at := time.Date(2026, 3, 4, 5, 6, 0, 0, time.FixedZone("", -5*3600))
	iv := model.Interview{ID: 7, ContactID: 3, Budget: time.Hour, Rev: 2, Created: at,
		Scheduled: &model.Schedule{At: at, Mode: model.ModeInPerson, Place: "café", Length: time.Hour}}
	c := model.Contact{ID: 3, Name: "Ana Ruiz", Tags: []string{"a", "b"}, Notes: "notes", Stage: model.Scheduled,
		MayContactAgain: true, Created: at}
	f := model.ActivityFacts{LastExchange: at, LastExchangeKind: model.KindRequest, Underway: &iv,
		Open: []model.Interview{iv, iv}, Suggested: []model.Referral{{Name: "Cy", Note: "n", MayUseName: true}},
		Talks: []time.Time{at, at.Add(time.Hour)}}
	data := encodeSummary(nil, c, f)
	gotC, gotF, err := decodeSummary(data)
	if err != nil || !reflect.DeepEqual(gotC, c) || !reflect.DeepEqual(gotF, f) {
		t.Fatalf("round trip: %+v %+v %v", gotC, gotF, err)
	}
	for n := range len(data) {
		if _, _, err := decodeSummary(data[:n]); err == nil {
			t.Errorf("a summary cut to %d of %d bytes was read", n, len(data))
		}
	}
	for i := range data {
		bad := append([]byte(nil), data...)
		bad[i] ^= 0xff
		decodeSummary(bad) // must not panic
	}
	if _, _, err := decodeSummary(append(data, 0)); err == nil {
		t.Error("trailing bytes were read")
	}
}

// AddContacts writes each summary from the records in hand; it must be
// what the records say.
func TestBatchSummariesAgreeWithTheRecords(t *testing.T) {
	s, _ := openTemp(t)
	g := sample.New(3, time.Date(2026, 11, 2, 10, 0, 0, 0, time.UTC))
	var batch []NewContact
	for range 300 {
		p := g.Next()
		batch = append(batch, NewContact{Contact: p.Contact, ReferredByEarlier: p.Referrer + 1,
			Interviews: p.Interviews, Interactions: p.Interactions})
	}
	if _, err := s.AddContacts(batch); err != nil {
		t.Fatal(err)
	}
	checkSummaries(t, s)
}

func TestReferralFamilyIsTheTreeAroundAContact(t *testing.T) {
	s, _ := openTemp(t)
	var ids []uint64
	for i, name := range []string{"Ana", "Ben", "Cy", "Dee", "Eli", "Fay"} {
		c := model.Contact{Name: name}
		if i > 0 && i < 5 {
			c.ReferredBy = ids[i-1] // a chain: Ana → Ben → Cy → Dee → Eli
		}
		saved, err := s.PutContact(c)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, saved.ID)
	}
	fam, err := s.ReferralFamily(ids[1])
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range fam {
		got = append(got, c.Name)
	}
	if want := []string{"Ben", "Ana", "Cy", "Dee"}; !reflect.DeepEqual(got, want) {
		t.Errorf("family of Ben = %v, want %v", got, want)
	}
	if _, err := s.ReferralFamily(99); err == nil {
		t.Error("a missing contact has a family")
	}
}

// Every field of a contact survives its summary: a field added to
// model.Contact and not to the codec fails here, not silently on screen.
func TestSummaryKeepsEveryContactField(t *testing.T) {
	var c model.Contact
	v := reflect.ValueOf(&c).Elem()
	at := time.Date(2026, 1, 2, 3, 4, 0, 0, time.FixedZone("", 7200))
	for i := range v.NumField() {
		f := v.Field(i)
		switch f.Kind() {
		case reflect.String:
			f.SetString("field " + v.Type().Field(i).Name)
		case reflect.Uint64:
			f.SetUint(uint64(i + 1))
		case reflect.Bool:
			f.SetBool(true)
		case reflect.Slice:
			f.Set(reflect.ValueOf([]string{"a", "b"}))
		case reflect.Struct:
			f.Set(reflect.ValueOf(at))
		default:
			t.Fatalf("Contact.%s is a %s, which this test does not fill", v.Type().Field(i).Name, f.Kind())
		}
	}
	got, _, err := decodeSummary(encodeSummary(nil, c, model.ActivityFacts{}))
	if err != nil || !reflect.DeepEqual(got, c) {
		t.Errorf("summary of\n%+v\nreads back as\n%+v (%v)", c, got, err)
	}
}

// Summaries made under other rules are worked out again at the next open.
func TestOpenRefreshesSummariesMadeUnderOtherRules(t *testing.T) {
	s, path := openTemp(t)
	c := askedFor(t, s, "Ana")
	// A summary as an older build could have left it, and its rules.
	if err := s.db.Update(func(tx *bolt.Tx) error {
		if err := putRaw(tx, bucketContactSummaries, itob(c.ID), encodeSummary(nil, c, model.ActivityFacts{})); err != nil {
			return err
		}
		return tx.Bucket(bucketMeta).Put(keySummaryRules, []byte("0"))
	}); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	checkSummaries(t, s)
}

// Enough contacts to be decoded in parts: every contact comes back in ID
// order, and a damaged summary in a later part is reported by its contact.
func TestSummariesDecodedInPartsKeepOrderAndReportDamage(t *testing.T) {
	s, _ := openTemp(t)
	g := sample.New(5, time.Date(2026, 11, 2, 10, 0, 0, 0, time.UTC))
	n := 4 * summariesPerPart
	var batch []NewContact
	for range n {
		batch = append(batch, NewContact{Contact: g.Next().Contact})
	}
	if _, err := s.AddContacts(batch); err != nil {
		t.Fatal(err)
	}
	sum, err := s.Summaries()
	if err != nil {
		t.Fatal(err)
	}
	if len(sum.Contacts) != n || len(sum.Facts) != n {
		t.Fatalf("%d contacts, %d facts; want %d", len(sum.Contacts), len(sum.Facts), n)
	}
	for i, c := range sum.Contacts {
		if c.ID != uint64(i+1) || c.Name != batch[i].Contact.Name {
			t.Fatalf("position %d holds contact %d %q; want %d %q", i, c.ID, c.Name, i+1, batch[i].Contact.Name)
		}
	}
	damaged := uint64(n - 10)
	if err := s.db.Update(func(tx *bolt.Tx) error {
		return putRaw(tx, bucketContactSummaries, itob(damaged), []byte{summaryVersion, 0xff})
	}); err != nil {
		t.Fatal(err)
	}
	_, err = s.Summaries()
	if !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), fmt.Sprintf("contact %d", damaged)) {
		t.Errorf("a damaged summary read as %v", err)
	}
}
