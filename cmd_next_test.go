package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // the zones of the golden tests, whatever the machine has

	"github.com/mattn/go-runewidth"

	"parley/model"
	"parley/store"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// nextZones are the zones the golden tests run in: the same wall-clock
// notebook must read the same in each.
var nextZones = []string{"Europe/London", "Asia/Tokyo"}

// nextFixture makes a notebook in loc with something in every section of
// `parley next`, dated from Monday 30 November 2026, 09:00 local, which it
// returns as now.
func nextFixture(t *testing.T, loc *time.Location) (db string, now time.Time) {
	t.Helper()
	now = time.Date(2026, 11, 30, 9, 0, 0, 0, loc)
	day := func(d, h, m int) time.Time { return time.Date(2026, 11, d, h, m, 0, 0, loc) }
	db = filepath.Join(t.TempDir(), "n.db")
	s, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ids := map[string]uint64{}
	add := func(c model.Contact, created time.Time) {
		t.Helper()
		c.Created, c.Updated = created, created
		saved, err := s.PutContact(c)
		if err != nil {
			t.Fatal(err)
		}
		ids[c.Name] = saved.ID
	}
	schedule := func(name string, sch model.Schedule) {
		t.Helper()
		if _, err := s.ScheduleInterview(model.NewInterview(ids[name], nil, day(1, 9, 0)), sch); err != nil {
			t.Fatal(err)
		}
	}
	log := func(name string, kind model.InteractionKind, at time.Time) {
		t.Helper()
		if _, err := s.AddInteraction(model.Interaction{ContactID: ids[name], Kind: kind, At: at}, true); err != nil {
			t.Fatal(err)
		}
	}
	add(model.Contact{Name: "Ana Ruiz", Organisation: "City Council"}, day(1, 9, 0))
	schedule("Ana Ruiz", model.Schedule{At: day(30, 14, 30), Mode: model.ModeVideo, Place: "meet.example.org/ana", Length: 20 * time.Minute})
	add(model.Contact{Name: "Maximilian Alexander Montgomery-Fitzgerald", Organisation: "Department for Levelling Up, Housing and Communities"}, day(1, 9, 0))
	schedule("Maximilian Alexander Montgomery-Fitzgerald", model.Schedule{At: day(30, 0, 0).AddDate(0, 0, 1).Add(8 * time.Hour), Mode: model.ModeInPerson,
		Place: "2 Marsham Street, London SW1P 4DF, fourth floor, ask at the desk for the housing team"})
	add(model.Contact{Name: "Bo Li"}, day(1, 9, 0))
	schedule("Bo Li", model.Schedule{At: day(30, 10, 0).AddDate(0, 0, 3), Mode: model.ModePhone, Place: "+44 20 7946 0000", Length: 30 * time.Minute})
	add(model.Contact{Name: "Cy Doe", Organisation: "Housing Trust"}, day(1, 9, 0))
	schedule("Cy Doe", model.Schedule{At: day(27, 16, 0), Mode: model.ModePhone})
	add(model.Contact{Name: "Di Moss", Organisation: "Port Authority"}, day(1, 9, 0))
	log("Di Moss", model.KindInterview, day(16, 11, 0))
	add(model.Contact{Name: "Eve Hart"}, day(1, 9, 0))
	log("Eve Hart", model.KindInterview, day(27, 11, 0))
	add(model.Contact{Name: "Ed Park"}, day(1, 9, 0))
	log("Ed Park", model.KindRequest, day(18, 20, 0))
	add(model.Contact{Name: "Fay Wu", MayContactAgain: true}, day(1, 9, 0))
	log("Fay Wu", model.KindInterview, time.Date(2026, 8, 25, 10, 0, 0, 0, loc))
	log("Fay Wu", model.KindThankYou, time.Date(2026, 9, 1, 10, 0, 0, 0, loc))
	add(model.Contact{Name: "Gil Roy", ReferredBy: ids["Ana Ruiz"], FoundVia: model.FoundReferral}, day(25, 12, 0))
	add(model.Contact{Name: "Hal Far"}, day(1, 9, 0))
	schedule("Hal Far", model.Schedule{At: time.Date(2026, 12, 20, 15, 0, 0, 0, loc), Mode: model.ModeVideo})
	return db, now
}

func runNext(t *testing.T, now time.Time, args ...string) (string, error) {
	t.Helper()
	var out, errOut bytes.Buffer
	err := execute(&cli{stdout: &out, stderr: &errOut, now: func() time.Time { return now }}, append([]string{"next"}, args...))
	if errOut.Len() > 0 {
		t.Errorf("stderr: %q", errOut.String())
	}
	return out.String(), err
}

func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("%s differs (go test -run %s -update to accept):\n--- got\n%s--- want\n%s", name, t.Name(), got, want)
	}
}

func TestNextGolden(t *testing.T) {
	for _, zone := range nextZones {
		t.Run(zone, func(t *testing.T) {
			loc, err := time.LoadLocation(zone)
			if err != nil {
				t.Fatal(err)
			}
			db, now := nextFixture(t, loc)
			for _, tc := range []struct {
				golden string
				args   []string
			}{
				{"next-80.golden", nil},
				{"next-days-30-80.golden", []string{"--days", "30"}},
				{"next-days-0-80.golden", []string{"--days=0"}},
			} {
				got, err := runNext(t, now, append(tc.args, "--db", db)...)
				if err != nil {
					t.Fatalf("%v: %v", tc.args, err)
				}
				for _, line := range strings.Split(got, "\n") {
					if w := runewidth.StringWidth(line); w > 80 {
						t.Errorf("line of %d cells: %q", w, line)
					}
				}
				checkGolden(t, tc.golden, got)
			}
		})
	}
}

func TestNextJSON(t *testing.T) {
	loc, err := time.LoadLocation("Asia/Tokyo")
	if err != nil {
		t.Fatal(err)
	}
	db, now := nextFixture(t, loc)
	out, err := runNext(t, now, "--json", "--db", db)
	if err != nil {
		t.Fatal(err)
	}
	var r dueReport
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	if !r.DueToday || len(r.Interviews) != 4 || len(r.ThankYous) != 2 || len(r.NoReply) != 1 || len(r.KeepInTouch) != 1 || len(r.Referrals) != 1 {
		t.Fatalf("report: %s", out)
	}
	first := r.Interviews[1]
	if first.Contact.Name != "Ana Ruiz" || !first.Today || first.Place != "meet.example.org/ana" || first.LengthMinutes != 20 ||
		!first.At.Equal(time.Date(2026, 11, 30, 14, 30, 0, 0, loc)) {
		t.Errorf("today's interview: %+v", first)
	}
	if r.ThankYous[0].Due != "2026-11-23" || !r.ThankYous[0].Overdue || r.KeepInTouch[0].Due != "2026-11-30" {
		t.Errorf("due dates: %+v %+v", r.ThankYous, r.KeepInTouch)
	}
	if r.Referrals[0].ReferredBy.Name != "Ana Ruiz" {
		t.Errorf("referral: %+v", r.Referrals[0])
	}
}

func TestNextQuietWhenNothingIsDue(t *testing.T) {
	db := filepath.Join(t.TempDir(), "n.db")
	now := time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC)
	s, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	c, err := s.PutContact(model.Contact{Name: "Ana", Created: now})
	if err == nil {
		_, err = s.ScheduleInterview(model.NewInterview(c.ID, nil, now), model.Schedule{At: now.AddDate(0, 0, 3), Mode: model.ModePhone})
	}
	s.Close()
	if err != nil {
		t.Fatal(err)
	}
	var status exitStatus
	out, err := runNext(t, now, "--db", db, "--days", "1")
	if !errors.As(err, &status) || status != exitNothingDue || out != "" {
		t.Errorf("nothing due: %q, %v", out, err)
	}
	// Something coming but nothing today: shown, and still status 3.
	out, err = runNext(t, now, "--db", db)
	if !errors.As(err, &status) || status != exitNothingDue || !strings.Contains(out, "Ana") {
		t.Errorf("coming only: %q, %v", out, err)
	}
}

func TestNextOn(t *testing.T) {
	loc, err := time.LoadLocation("Asia/Tokyo")
	if err != nil {
		t.Fatal(err)
	}
	db, now := nextFixture(t, loc)
	out, err := runNext(t, now, "--on", "thu", "--days", "0", "--db", db)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(out, "As of Thu 3 Dec 2026 (in 3 days)\n\n") || !strings.Contains(out, "today 10:00         Bo Li") {
		t.Errorf("next --on thu:\n%s", out)
	}
	if _, err := runNext(t, now, "--on", "whenever", "--db", db); err == nil || !strings.Contains(err.Error(), `--on: "whenever" is not a date`) {
		t.Errorf("--on whenever: %v", err)
	}
}

// Times follow the locale's clock unless the settings choose one.
func TestNextTimesFollowTheLocaleOrTheSetting(t *testing.T) {
	db, now := nextFixture(t, time.UTC)
	next := func(lang string) string {
		t.Helper()
		var out bytes.Buffer
		env := map[string]string{"LANG": lang}
		app := &cli{stdout: &out, stderr: &out, now: func() time.Time { return now }, getenv: func(k string) string { return env[k] }}
		if err := execute(app, []string{"next", "--db", db, "--on", "today 9am"}); err != nil {
			t.Fatal(err)
		}
		return out.String()
	}
	if got := next("en_US.UTF-8"); !strings.Contains(got, "! Fri 27 Nov 4:00 pm  Cy Doe") || !strings.Contains(got, "today 2:30 pm") || !strings.Contains(got, "As of Mon 30 Nov 2026 9:00 am (today)") {
		t.Errorf("en_US, 12-hour:\n%s", got)
	}
	if got := next("de_DE.UTF-8"); !strings.Contains(got, "today 14:30") || !strings.Contains(got, "09:00 (today)") {
		t.Errorf("de_DE, 24-hour:\n%s", got)
	}
	s, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	st, err := s.Settings()
	if err == nil {
		st.Hours = model.Hours24
		err = s.PutSettings(st)
	}
	s.Close()
	if err != nil {
		t.Fatal(err)
	}
	if got := next("en_US.UTF-8"); !strings.Contains(got, "today 14:30") {
		t.Errorf("en_US with 24 hours chosen:\n%s", got)
	}
}
