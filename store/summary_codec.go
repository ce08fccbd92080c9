package store

import (
	"encoding/binary"
	"errors"
	"time"

	"parley/model"
)

// A summary is stored as a version byte, then the contact, then its
// activity facts, each field in a fixed order: integers as varints,
// strings as a length and bytes, times as a length and time's binary form
// (which keeps the instant and its offset, as JSON's RFC 3339 does; zero is
// length 0). Decoding copies the record into one string and slices every
// text field from it: one allocation where JSON made one per field.
const summaryVersion = 1

var errBadSummary = errors.New("not a summary this version can read")

func encodeSummary(buf []byte, c model.Contact, f model.ActivityFacts) []byte {
	e := summaryEncoder{buf: append(buf, summaryVersion)}
	e.uint(c.ID)
	for _, s := range []string{c.Name, c.Role, c.Organisation, c.Field, string(c.CareerStage), c.Email, c.Phone,
		c.ProfileURL, c.Location, c.FoundVia} {
		e.string(s)
	}
	e.uint(c.ReferredBy)
	e.string(c.ReferrerName)
	e.uint(uint64(len(c.Tags)))
	for _, t := range c.Tags {
		e.string(t)
	}
	e.string(c.Notes)
	e.string(string(c.Stage))
	e.bools(c.MayMentionName, c.MayContactAgain)
	e.time(c.Created)
	e.time(c.Updated)

	e.time(f.LastExchange)
	e.string(string(f.LastExchangeKind))
	e.time(f.LastHeld)
	e.time(f.LastThanks)
	e.time(f.ThankYouBy)
	e.bools(f.Underway != nil, false)
	if f.Underway != nil {
		e.interview(*f.Underway)
	}
	e.uint(uint64(len(f.Open)))
	for _, iv := range f.Open {
		e.interview(iv)
	}
	e.uint(uint64(len(f.Suggested)))
	for _, r := range f.Suggested {
		e.string(r.Name)
		e.string(r.Note)
		e.bools(r.MayUseName, false)
		e.uint(r.ContactID)
	}
	e.uint(uint64(len(f.Talks)))
	for _, t := range f.Talks {
		e.time(t)
	}
	return e.buf
}

type summaryEncoder struct{ buf []byte }

func (e *summaryEncoder) uint(v uint64) { e.buf = binary.AppendUvarint(e.buf, v) }
func (e *summaryEncoder) int(v int64)   { e.buf = binary.AppendVarint(e.buf, v) }

func (e *summaryEncoder) string(s string) {
	e.uint(uint64(len(s)))
	e.buf = append(e.buf, s...)
}

func (e *summaryEncoder) bools(a, b bool) {
	var v byte
	if a {
		v |= 1
	}
	if b {
		v |= 2
	}
	e.buf = append(e.buf, v)
}

func (e *summaryEncoder) time(t time.Time) {
	if t.IsZero() {
		e.buf = append(e.buf, 0)
		return
	}
	data, err := t.MarshalBinary()
	if err != nil {
		// Only an offset that is not whole minutes fails; keep the instant.
		data, _ = t.UTC().MarshalBinary()
	}
	e.buf = append(append(e.buf, byte(len(data))), data...)
}

// interview keeps what the agenda and the next step read of an interview
// not yet held: its schedule and clock.
func (e *summaryEncoder) interview(iv model.Interview) {
	e.uint(iv.ID)
	e.uint(iv.ContactID)
	e.int(int64(iv.Budget))
	e.uint(iv.Rev)
	e.time(iv.Created)
	e.int(int64(iv.Clock.Accumulated))
	e.time(iv.Clock.RunningSince)
	e.time(iv.Clock.StartedAt)
	e.time(iv.Clock.EndedAt)
	e.bools(iv.Scheduled != nil, false)
	if s := iv.Scheduled; s != nil {
		e.time(s.At)
		e.string(string(s.Mode))
		e.string(s.Place)
		e.int(int64(s.Length))
	}
}

// summaryDecoder reads what summaryEncoder wrote; the first problem sticks
// in err and every later read returns zero.
type summaryDecoder struct {
	raw  []byte
	data string
	pos  int
	err  error
}

func decodeSummary(data []byte) (model.Contact, model.ActivityFacts, error) {
	var c model.Contact
	var f model.ActivityFacts
	if len(data) == 0 || data[0] != summaryVersion {
		return c, f, errBadSummary
	}
	d := summaryDecoder{raw: data, data: string(data), pos: 1}
	c.ID = d.uint()
	for _, s := range []*string{&c.Name, &c.Role, &c.Organisation, &c.Field, (*string)(&c.CareerStage), &c.Email,
		&c.Phone, &c.ProfileURL, &c.Location, &c.FoundVia} {
		*s = d.string()
	}
	c.ReferredBy = d.uint()
	c.ReferrerName = d.string()
	if n := d.count(); n > 0 {
		c.Tags = make([]string, n)
		for i := range c.Tags {
			c.Tags[i] = d.string()
		}
	}
	c.Notes = d.string()
	c.Stage = model.Stage(d.string())
	c.MayMentionName, c.MayContactAgain = d.bools()
	c.Created = d.time()
	c.Updated = d.time()

	f.LastExchange = d.time()
	f.LastExchangeKind = model.InteractionKind(d.string())
	f.LastHeld = d.time()
	f.LastThanks = d.time()
	f.ThankYouBy = d.time()
	if underway, _ := d.bools(); underway {
		iv := d.interview()
		f.Underway = &iv
	}
	if n := d.count(); n > 0 {
		f.Open = make([]model.Interview, n)
		for i := range f.Open {
			f.Open[i] = d.interview()
		}
	}
	if n := d.count(); n > 0 {
		f.Suggested = make([]model.Referral, n)
		for i := range f.Suggested {
			r := &f.Suggested[i]
			r.Name, r.Note = d.string(), d.string()
			r.MayUseName, _ = d.bools()
			r.ContactID = d.uint()
		}
	}
	if n := d.count(); n > 0 {
		f.Talks = make([]time.Time, n)
		for i := range f.Talks {
			f.Talks[i] = d.time()
		}
	}
	if d.err == nil && d.pos != len(d.data) {
		d.err = errBadSummary
	}
	if d.err != nil {
		return model.Contact{}, model.ActivityFacts{}, d.err
	}
	return c, f, nil
}

func (d *summaryDecoder) fail() {
	if d.err == nil {
		d.err = errBadSummary
	}
	d.pos = len(d.data)
}

func (d *summaryDecoder) uint() uint64 {
	var v uint64
	for shift := 0; ; shift += 7 {
		if d.pos >= len(d.data) || shift > 63 {
			d.fail()
			return 0
		}
		b := d.data[d.pos]
		d.pos++
		v |= uint64(b&0x7f) << shift
		if b < 0x80 {
			return v
		}
	}
}

func (d *summaryDecoder) int() int64 {
	u := d.uint()
	v := int64(u >> 1)
	if u&1 != 0 {
		v = ^v
	}
	return v
}

// count is a number of items that follow, each at least one byte long.
func (d *summaryDecoder) count() int {
	n := d.uint()
	if n > uint64(len(d.data)-d.pos) {
		d.fail()
		return 0
	}
	return int(n)
}

func (d *summaryDecoder) bytes(n int) string {
	if n < 0 || n > len(d.data)-d.pos {
		d.fail()
		return ""
	}
	s := d.data[d.pos : d.pos+n]
	d.pos += n
	return s
}

func (d *summaryDecoder) string() string {
	n := d.uint()
	if n > uint64(len(d.data)-d.pos) {
		d.fail()
		return ""
	}
	return d.bytes(int(n))
}

func (d *summaryDecoder) bools() (bool, bool) {
	b := d.bytes(1)
	if b == "" {
		return false, false
	}
	return b[0]&1 != 0, b[0]&2 != 0
}

func (d *summaryDecoder) time() time.Time {
	b := d.bytes(1)
	if b == "" || b[0] == 0 {
		return time.Time{}
	}
	start := d.pos
	if d.bytes(int(b[0])) == "" {
		return time.Time{}
	}
	var t time.Time
	if err := t.UnmarshalBinary(d.raw[start:d.pos]); err != nil {
		d.fail()
	}
	return t
}

func (d *summaryDecoder) interview() model.Interview {
	var iv model.Interview
	iv.ID = d.uint()
	iv.ContactID = d.uint()
	iv.Budget = time.Duration(d.int())
	iv.Rev = d.uint()
	iv.Created = d.time()
	iv.Clock.Accumulated = time.Duration(d.int())
	iv.Clock.RunningSince = d.time()
	iv.Clock.StartedAt = d.time()
	iv.Clock.EndedAt = d.time()
	if scheduled, _ := d.bools(); scheduled {
		iv.Scheduled = &model.Schedule{At: d.time(), Mode: model.Mode(d.string()), Place: d.string(),
			Length: time.Duration(d.int())}
	}
	return iv
}
