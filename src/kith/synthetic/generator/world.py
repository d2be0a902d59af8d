"""What a generation run carries from day to day: the dice, the diary of what happens next, the people.

One ``random.Random(seed)`` and one seeded Faker drive every choice, and the diary is worked
through in a fixed order (day, time, then the order things were written in), so the same seed,
size and as-of date always give the same authority.
"""

from __future__ import annotations

import heapq
import math
import random
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any, TypeVar
from zoneinfo import ZoneInfo

from faker import Faker

from kith.platform import clock
from kith.platform.calendar.working_days import add_working_days, is_working_day
from kith.synthetic.generator.sizes import SizeProfile
from kith.synthetic.postcodes import Postcode, postcodes_in

if TYPE_CHECKING:
    from kith.synthetic.generator.authority import Authority
    from kith.synthetic.generator.population import Household

LONDON = ZoneInfo("Europe/London")
T = TypeVar("T")

Happening = Callable[..., None]


@dataclass(order=True)
class _Entry:
    day: date
    at: time
    order: int
    happening: Happening = field(compare=False)
    args: tuple[Any, ...] = field(compare=False)


@dataclass
class World:
    """The run's state: its profile, dates, dice, staff and the diary of what is still to happen."""

    profile: SizeProfile
    seed: int
    start: date
    as_of: date
    rng: random.Random
    fake: Faker
    authority: Authority | None = None
    diary: list[_Entry] = field(default_factory=list)
    written: int = 0
    # Children whose referral closed, by the day it closed: some come back (re-referrals).
    closed_cases: list[tuple[date, Any]] = field(default_factory=list)
    households: list[Household] = field(default_factory=list)
    # Real postcodes for the invented addresses: at home, and in the neighbouring council.
    home_postcodes: tuple[Postcode, ...] = ()
    neighbouring_postcodes: tuple[Postcode, ...] = ()
    _postcode_by_code: dict[str, Postcode] = field(default_factory=dict)

    @classmethod
    def begin(cls, profile: SizeProfile, *, seed: int, start: date, as_of: date) -> World:
        fake = Faker("en_GB")
        fake.seed_instance(seed)
        world = cls(profile=profile, seed=seed, start=start, as_of=as_of, rng=random.Random(seed), fake=fake)  # noqa: S311 - not security
        council = profile.postcode_council
        world.home_postcodes = tuple(
            postcode
            for postcode in postcodes_in(profile.postcode_districts)
            if not council or postcode.council == council
        )
        world.neighbouring_postcodes = postcodes_in(profile.neighbouring_districts)
        world._postcode_by_code = {p.code: p for p in world.home_postcodes + world.neighbouring_postcodes}
        return world

    def postcode(self, code: str) -> Postcode:
        """One of the run's postcodes, by its code."""
        return self._postcode_by_code[code]

    @property
    def staff(self) -> Authority:
        assert self.authority is not None
        return self.authority

    # --- the diary --------------------------------------------------------------------------------------

    def on(self, day: date, at: time, happening: Happening, *args: Any) -> None:
        """Write into the diary: ``happening(world, *args)`` is recorded at ``at`` on ``day``.

        Anything due after the as-of date never happens: the authority's story stops "today".
        """
        if day > self.as_of:
            return
        self.written += 1
        heapq.heappush(self.diary, _Entry(day, at, self.written, happening, args))

    def live(self, day: date) -> int:
        """Everything in the diary up to the end of ``day``, each with the clock at its moment."""
        done = 0
        while self.diary and self.diary[0].day <= day:
            entry = heapq.heappop(self.diary)
            with clock.recording_at(datetime.combine(entry.day, entry.at, tzinfo=LONDON)):
                entry.happening(self, *entry.args)
            done += 1
        return done

    # --- dice -------------------------------------------------------------------------------------------

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def pick(self, options: Sequence[T]) -> T:
        return options[self.rng.randrange(len(options))]

    def weighted(self, options: Mapping[T, float]) -> T:
        return self.rng.choices(list(options), weights=list(options.values()))[0]

    def between(self, low: int, high: int) -> int:
        return self.rng.randint(low, high)

    def poisson(self, mean: float) -> int:
        """A count of events that happen at random, ``mean`` on average (Knuth's method: small means only)."""
        limit, count, product = math.exp(-mean), 0, self.rng.random()
        while product > limit:
            count += 1
            product *= self.rng.random()
        return count

    # --- days -------------------------------------------------------------------------------------------

    def working_days_after(self, day: date, n: int) -> date:
        return add_working_days(self.next_working_day(day) if n == 0 else day, n)

    @staticmethod
    def next_working_day(day: date) -> date:
        while not is_working_day(day):
            day += timedelta(days=1)
        return day


def at(hour: int, minute: int = 0) -> time:
    return time(hour, minute)


def today() -> date:
    return clock.today()
