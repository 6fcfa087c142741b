package plan

import "time"

// Zone is the province's time zone (Asia/Ho_Chi_Minh, UTC+7 all year, no daylight
// saving): a deadline date ends at midnight here, "today" and every time shown are
// read here. A fixed zone needs no tzdata on the server.
var Zone = time.FixedZone("ICT", 7*3600)

// Clock tells the time. Code that decides what "today" is takes a Clock, so tests set
// the day instead of sleeping or depending on the year they run in.
type Clock func() time.Time

// SystemClock is the real time.
var SystemClock Clock = time.Now

// FixedClock always answers t.
func FixedClock(t time.Time) Clock { return func() time.Time { return t } }

// Now is the current time in the province.
func (c Clock) Now() time.Time {
	if c == nil {
		return time.Now().In(Zone)
	}
	return c().In(Zone)
}

// Year is the current calendar year in the province.
func (c Clock) Year() int { return c.Now().Year() }
