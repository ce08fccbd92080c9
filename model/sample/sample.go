// Package sample makes up a realistic notebook: contacts spread over the
// pipeline, with research notes, timelines, interviews held and to come,
// and referrals between them. It is for `parley demo` — a new user's
// notebook to look around in — and for benchmarks at any size. The same
// seed and reference time always give the same people.
package sample

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"parley/model"
	"parley/questions"
)

// Person is one generated contact with their interviews and timeline.
// IDs are left for the store to give.
type Person struct {
	Contact model.Contact
	// Referrer is the index (in generation order, always lower than this
	// person's) of the contact who referred them, or -1.
	Referrer     int
	Interviews   []model.Interview
	Interactions []model.Interaction
}

// Generator makes people one at a time, so a notebook of any size can be
// written in batches without holding it all.
type Generator struct {
	r    *rand.Rand
	now  time.Time
	bank []questions.Question
	// held are the indexes of people interviewed so far: the ones who can
	// have referred someone.
	held []int
	n    int
}

// New returns a generator for the given seed; dates are placed around now,
// in now's location (interviews this week, thank-yous due, requests gone
// unanswered).
func New(seed uint64, now time.Time) *Generator {
	// Whole minutes, as people note times.
	now = now.Truncate(time.Minute)
	return &Generator{r: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)), now: now,
		bank: questions.BuiltIns()}
}

// stageWeights spread contacts over the pipeline so that about half have
// an interview (scheduled or later).
var stageWeights = []struct {
	stage  model.Stage
	weight int
}{
	{model.ToContact, 24}, {model.RequestSent, 14}, {model.NoReply, 7}, {model.Declined, 5},
	{model.Scheduled, 10}, {model.Interviewed, 12}, {model.Thanked, 14}, {model.KeepingInTouch, 14},
}

// Next makes the next person.
func (g *Generator) Next() Person {
	i := g.n
	g.n++
	stage := g.stage()
	created := g.now.Add(-g.days(30, 400))
	c := model.Contact{
		Name:         g.name(),
		Role:         pick(g.r, roles),
		Organisation: pick(g.r, organisations),
		Field:        pick(g.r, fields),
		Location:     pick(g.r, locations),
		FoundVia:     pick(g.r, model.FoundViaSources()[1:]),
		Stage:        stage,
		Created:      created,
		Updated:      created,
	}
	switch g.r.IntN(3) {
	case 0:
		c.CareerStage = model.EarlyCareer
	case 1:
		c.CareerStage = model.MidCareer
	default:
		c.CareerStage = model.Senior
	}
	if g.r.IntN(10) < 7 {
		c.Email = emailOf(c.Name, i)
	}
	if g.r.IntN(10) < 3 {
		c.Phone = fmt.Sprintf("+44 7700 %06d", g.r.IntN(1000000))
	}
	if g.r.IntN(10) < 4 {
		c.ProfileURL = fmt.Sprintf("linkedin.com/in/%s-%d", slug(c.Name), i)
	}
	for range g.r.IntN(4) {
		if t := pick(g.r, tags); !contains(c.Tags, t) {
			c.Tags = append(c.Tags, t)
		}
	}
	c.Notes = g.research(c)
	p := Person{Referrer: -1}
	if len(g.held) > 0 && g.r.IntN(100) < 18 {
		p.Referrer = g.held[g.r.IntN(len(g.held))]
		c.FoundVia = model.FoundReferral
	}
	c.MayContactAgain = stage == model.KeepingInTouch || (stage == model.Thanked && g.r.IntN(2) == 0)
	c.MayMentionName = c.MayContactAgain && g.r.IntN(2) == 0
	g.history(&p, &c, created)
	p.Contact = c
	if stage.Order() >= model.Interviewed.Order() && !stage.IsEnding() {
		g.held = append(g.held, i)
	}
	return p
}

func (g *Generator) stage() model.Stage {
	total := 0
	for _, w := range stageWeights {
		total += w.weight
	}
	n := g.r.IntN(total)
	for _, w := range stageWeights {
		if n < w.weight {
			return w.stage
		}
		n -= w.weight
	}
	return model.ToContact
}

// history writes the timeline and interviews that bring c to its stage,
// starting after created.
func (g *Generator) history(p *Person, c *model.Contact, created time.Time) {
	log := func(kind model.InteractionKind, at time.Time, channel, text string) {
		p.Interactions = append(p.Interactions, model.Interaction{Kind: kind, At: at, Channel: channel, Text: text})
		if at.After(c.Updated) {
			c.Updated = at
		}
	}
	if g.r.IntN(10) < 3 {
		log(model.KindNote, created.Add(g.hours(1, 48)), "", g.fill(pick(g.r, selfNotes), c))
	}
	if c.Stage == model.ToContact {
		return
	}
	channel := pick(g.r, channels)
	// Requests go out between a year and a day ago; a request still waiting
	// is recent, one never answered is old.
	var requested time.Time
	switch c.Stage {
	case model.RequestSent:
		requested = g.now.Add(-g.days(1, 14))
	case model.NoReply:
		requested = g.now.Add(-g.days(20, 120))
	case model.Scheduled:
		requested = g.now.Add(-g.days(5, 25))
	default:
		requested = g.now.Add(-g.days(30, 300))
	}
	if requested.Before(created) {
		created = requested.Add(-g.hours(2, 200))
		c.Created = created
	}
	log(model.KindRequest, requested, channel, g.request(c))
	switch c.Stage {
	case model.RequestSent, model.NoReply:
		return
	case model.Declined:
		log(model.KindReply, requested.Add(g.hours(3, 120)), channel, pick(g.r, declines))
		return
	}
	replied := requested.Add(g.hours(2, 96))
	log(model.KindReply, replied, channel, pick(g.r, replies))
	if c.Stage == model.Scheduled {
		p.Interviews = append(p.Interviews, g.upcoming(c, replied))
		return
	}
	held := replied.Add(g.hours(24, 240))
	if c.Stage == model.Interviewed {
		// Recently, so the thank-you is due or nearly.
		held = g.now.Add(-g.hours(20, 24*9))
	}
	iv := g.heldInterview(c, replied, held)
	p.Interviews = append(p.Interviews, iv)
	log(model.KindInterview, held, "", "")
	if c.Stage == model.Interviewed {
		return
	}
	thanked := held.Add(g.hours(3, 60))
	log(model.KindThankYou, thanked, "email", g.fill(pick(g.r, thanks), c))
	if c.Stage == model.KeepingInTouch {
		update := thanked.Add(g.days(20, 120))
		if update.After(g.now) {
			update = g.now.Add(-g.hours(1, 72))
		}
		log(model.KindUpdate, update, "email", g.fill(pick(g.r, updates), c))
	}
}

// upcoming is an interview agreed for the coming days (a few were missed).
func (g *Generator) upcoming(c *model.Contact, planned time.Time) model.Interview {
	iv := model.NewInterview(0, g.checklist(), planned)
	day := startOfDay(g.now).AddDate(0, 0, g.r.IntN(16)-2)
	at := day.Add(time.Duration(8+g.r.IntN(10))*time.Hour + time.Duration(g.r.IntN(4))*15*time.Minute)
	mode := []model.Mode{model.ModeVideo, model.ModePhone, model.ModeInPerson}[g.r.IntN(3)]
	place := pick(g.r, places)
	if strings.Contains(place, "%") {
		place = fmt.Sprintf(place, g.r.IntN(10000))
	}
	if mode == model.ModeVideo {
		place = fmt.Sprintf("https://meet.example.org/%s", slug(c.Name))
	}
	iv.ApplySchedule(model.Schedule{At: at, Mode: mode, Place: place,
		Length: time.Duration(15+5*g.r.IntN(4)) * time.Minute})
	iv.Rev = 1
	return iv
}

// heldInterview is an interview that took place at held, with its ticks,
// stars, notes and wrap-up.
func (g *Generator) heldInterview(c *model.Contact, planned, held time.Time) model.Interview {
	iv := model.NewInterview(0, nil, planned)
	for _, q := range g.bankPicks() {
		iv.AddQuestion(q.Text)
		iv.Questions[len(iv.Questions)-1].BankID = q.ID
	}
	length := time.Duration(14+g.r.IntN(30)) * time.Minute
	var at time.Duration
	for i := range iv.Questions {
		q := &iv.Questions[i]
		switch n := g.r.IntN(10); {
		case n < 7:
			at += time.Duration(1+g.r.IntN(5)) * time.Minute
			q.Asked, q.AskedAt = true, min(at, length)
			q.Starred = g.r.IntN(6) == 0
		case n < 8:
			q.Skipped = true
		}
	}
	paras := 2 + g.r.IntN(12)
	for k := range paras {
		n := model.Note{At: length * time.Duration(k) / time.Duration(paras), Text: g.paragraph(c)}
		if len(iv.Questions) > 0 && g.r.IntN(4) > 0 {
			n.QuestionID = iv.Questions[g.r.IntN(len(iv.Questions))].ID
		}
		n.Starred = g.r.IntN(7) == 0
		iv.Notes = append(iv.Notes, n)
	}
	for i := range iv.Closing {
		iv.Closing[i].Asked = g.r.IntN(4) > 0
	}
	iv.Clock = model.Clock{Accumulated: length, StartedAt: held, EndedAt: held.Add(length + g.minutes(0, 5))}
	iv.WrapUp = model.WrapUp{Length: length, Takeaways: g.fill(pick(g.r, takeaways), c),
		ThankYouDue: startOfDay(held).AddDate(0, 0, 7)}
	for range g.r.IntN(3) {
		iv.WrapUp.Referrals = append(iv.WrapUp.Referrals, model.Referral{
			Name: g.name(), Note: g.fill(pick(g.r, referralNotes), c), MayUseName: g.r.IntN(2) == 0})
	}
	iv.Rev = uint64(len(iv.Notes) + iv.AskedCount())
	return iv
}

// checklist is a plan's questions as text, for an interview to come.
func (g *Generator) checklist() []string {
	var out []string
	for _, q := range g.bankPicks() {
		out = append(out, q.Text)
	}
	return out
}

// bankPicks chooses 5 to 10 different bank questions.
func (g *Generator) bankPicks() []questions.Question {
	n := 5 + g.r.IntN(6)
	idx := g.r.Perm(len(g.bank))[:n]
	out := make([]questions.Question, n)
	for i, j := range idx {
		out[i] = g.bank[j]
	}
	return out
}

func (g *Generator) name() string {
	n := pick(g.r, firstNames) + " " + pick(g.r, lastNames)
	if g.r.IntN(12) == 0 {
		n = pick(g.r, firstNames) + " " + string(rune('A'+g.r.IntN(26))) + ". " + pick(g.r, lastNames)
	}
	return n
}

func (g *Generator) research(c model.Contact) string {
	var sb strings.Builder
	for k := range g.r.IntN(5) {
		if k > 0 {
			sb.WriteString(pick(g.r, []string{" ", " ", "\n"}))
		}
		sb.WriteString(g.fill(pick(g.r, researchSentences), &c))
	}
	return sb.String()
}

func (g *Generator) paragraph(c *model.Contact) string {
	var sb strings.Builder
	for k := range 1 + g.r.IntN(5) {
		if k > 0 {
			sb.WriteByte(' ')
		}
		sb.WriteString(pick(g.r, noteOpeners))
		sb.WriteByte(' ')
		sb.WriteString(g.fill(pick(g.r, noteClaims), c))
		sb.WriteByte('.')
		if a := pick(g.r, noteAsides); a != "" && g.r.IntN(3) == 0 {
			sb.WriteByte(' ')
			sb.WriteString(a)
		}
	}
	return sb.String()
}

func (g *Generator) request(c *model.Contact) string {
	first, _, _ := strings.Cut(c.Name, " ")
	var open string
	switch tpl := pick(g.r, requestOpenings); strings.Count(tpl, "%s") {
	case 3:
		if strings.HasPrefix(tpl, "Hello") {
			open = fmt.Sprintf(tpl, first, pick(g.r, firstNames), c.Field)
		} else {
			open = fmt.Sprintf(tpl, first, c.Field, pick(g.r, topics))
		}
	case 2:
		open = fmt.Sprintf(tpl, first, pick(g.r, topics))
	default:
		open = fmt.Sprintf(tpl, first)
	}
	return open + "\n\n" + pick(g.r, requestAsks) + "\n\nBest wishes,\nSam"
}

// fill puts a topic, the contact's organisation or field into the %s of s.
func (g *Generator) fill(s string, c *model.Contact) string {
	if !strings.Contains(s, "%s") {
		return s
	}
	switch g.r.IntN(3) {
	case 0:
		return fmt.Sprintf(s, c.Organisation)
	case 1:
		return fmt.Sprintf(s, c.Field)
	}
	return fmt.Sprintf(s, pick(g.r, topics))
}

func (g *Generator) days(lo, hi int) time.Duration {
	return time.Duration(lo+g.r.IntN(hi-lo+1))*24*time.Hour + g.minutes(0, 600)
}

func (g *Generator) hours(lo, hi int) time.Duration {
	return time.Duration(lo+g.r.IntN(hi-lo+1))*time.Hour + g.minutes(0, 59)
}

func (g *Generator) minutes(lo, hi int) time.Duration {
	return time.Duration(lo+g.r.IntN(hi-lo+1)) * time.Minute
}

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

func startOfDay(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, t.Location())
}

// slug is a name in lower case ASCII letters joined by hyphens, for made-up
// addresses.
func slug(name string) string {
	var sb strings.Builder
	dash := false
	for _, r := range strings.ToLower(name) {
		switch {
		case r >= 'a' && r <= 'z':
			sb.WriteRune(r)
			dash = false
		case !dash && sb.Len() > 0:
			sb.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(sb.String(), "-")
}

func emailOf(name string, i int) string {
	s := strings.ReplaceAll(slug(name), "-", ".")
	if s == "" {
		s = "contact"
	}
	return fmt.Sprintf("%s%d@example.org", s, i)
}
