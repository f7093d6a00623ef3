"""Each line rule on real-world variants it must catch and real paragraphs it must keep."""

from __future__ import annotations

import pytest

from newsprism.clean import classify

# --- what each kind must catch (line, kind, names the line must yield) --------------

PROMOS = [
    ("Click to share on Facebook (Opens in new window)", ()),
    ("Like this:", ()),
    ("**Sign up for our free newsletter**", ()),
    ("Get breaking news alerts on the Example News app", ()),
    ("Follow @AP on X for the latest updates", ()),
    ("Please follow Blitz on Google News Channel", ("Blitz",)),
    ("Follow us on Twitter @dailyexample", ()),
    ("Follow us on X and Facebook for the latest updates.", ()),
    ("Follow The Hill on Google News", ("The Hill",)),
    ("Follow Newsweek on Flipboard", ("Newsweek",)),
    ("Join our WhatsApp channel for breaking news alerts", ()),
    ("Like us on Facebook", ()),
    ("Sign up for our newsletter", ()),
    ("Sign up here for our daily Morning Briefing newsletter.", ()),
    ("Subscribe to The Morning newsletter", ()),
    ("SUBSCRIBE NOW", ()),
    ("Subscribe to our YouTube channel for more videos", ()),
    ("Want more stories like this? Sign up for our free newsletter.", ()),
    ("Click here to read the full report.", ()),
    ("To get the latest headlines, click here for our app.", ()),
    ("Share this article", ()),
    ("Share this story on Facebook", ()),
    ("Share:", ()),
    ("Download our app for the latest news on the go", ()),
    ("Get the Daily Example app on iOS and Android", ()),
    ("Advertisement", ()),
    ("Story continues below advertisement", ()),
    ("Continue reading the main story", ()),
    ("Scroll to continue with content", ()),
    ("Support independent journalism: donate today", ()),
    ("Stay up to date with the latest news by following us on Google News", ()),
    ("Never miss a story: sign up for our breaking news alerts", ()),
    ("Got a tip? Email us at tips@example.com", ()),
    ("Don't forget to follow Example Times on Telegram", ("Example Times",)),
]

FOOTERS = [
    ("*This article originally appeared on Grist.*", ("Grist",)),
    (
        "This article was produced by Kaiser Health News, an "
        "editorially independent program of KFF.",
        ("Kaiser Health News",),
    ),
    ("— This story was originally published by ProPublica.", ("ProPublica",)),
    (
        "The post Musk contacts with Putin raise concerns appeared first on BLiTZ.",
        ("BLiTZ",),
    ),
    (
        "The post Ceasefire talks stall in Doha appeared first on Middle East Eye",
        ("Middle East Eye",),
    ),
    ("The post 5 things to know today appeared first on example.com.", ("example.com",)),
    ("This article originally appeared on Vox.", ("Vox",)),
    ("This article was originally published on The Conversation.", ("The Conversation",)),
    (
        "This article is republished from The Conversation under a Creative Commons license. "
        "Read the original article.",
        ("The Conversation",),
    ),
    ("This story was originally published by ProPublica.", ("ProPublica",)),
    (
        "This story was originally published by The Texas Tribune on Oct. 25, 2024.",
        ("The Texas Tribune",),
    ),
    ("This story first appeared in Grist.", ("Grist",)),
    ("Originally published at Stateline.", ("Stateline",)),
    ("Republished with permission from Kaiser Health News.", ("Kaiser Health News",)),
    (
        "A version of this article appears in print on Oct. 27, 2024, Section A, Page 1 of the "
        "New York edition with the headline: Musk and Putin.",
        (),
    ),
    ("© 2024 Axios Media Inc.", ("Axios Media",)),
    ("Copyright 2024 The Associated Press. All rights reserved.", ("The Associated Press",)),
    ("Copyright © 2023 Example Daily News, Inc. All rights reserved.", ("Example Daily News",)),
    ("(c) 2024 Reuters", ("Reuters",)),
    ("All rights reserved.", ()),
    ("This material may not be published, broadcast, rewritten or redistributed.", ()),
]

CREDITS = [
    ("Jane Doe contributed reporting from Washington, D.C.", ("Jane Doe",)),
    (
        "CNN's Junko Ogura and Hanako Montgomery contributed to this report.",
        ("CNN", "Junko Ogura", "Hanako Montgomery"),
    ),
    (
        "Staff Writer Diane Lade and The Associated Press contributed to this report.",
        ("Diane Lade", "The Associated Press"),
    ),
    (
        "Associated Press Writers Ana Pérez in San Diego and Ken "
        "Rivers in Las Vegas contributed to this article.",
        ("Ana Pérez", "Ken Rivers", "Associated Press"),
    ),
    (
        "Associated Press writer Jay Reed in Birmingham, Ala., contributed to this story.",
        ("Jay Reed", "Associated Press"),
    ),
    ("Media Editor Jon Fried contributed to this story.", ("Jon Fried",)),
    (
        "Courant Staff Writers Matt Egan and Ken David contributed to this story.",
        ("Matt Egan", "Ken David", "Courant"),
    ),
    (
        "Staff writers Sal Crawley and Colleen Nelson and Brian Andrews "
        "of DallasNews.com contributed to this report.",
        ("Sal Crawley", "Colleen Nelson", "Brian Andrews", "DallasNews.com"),
    ),
    ("Compiled by Jane Doe", ("Jane Doe",)),
    ("Jessica Piper contributed to this report.", ("Jessica Piper",)),
    ("Jessica Kline contributed to this report for TROIB News", ("Jessica Kline", "TROIB News")),
    ("Jane Doe and John Roe contributed to this report.", ("Jane Doe", "John Roe")),
    ("Mary O'Brien contributed reporting from Kyiv.", ("Mary O'Brien",)),
    ("The Associated Press contributed to this report.", ("The Associated Press",)),
    (
        "Associated Press writers Zeke Miller in Washington and Jill Colvin in New York "
        "contributed to this report.",
        ("Zeke Miller", "Jill Colvin", "Associated Press"),
    ),
    ("Reporting by Jessica Kline; Editing by Mark Heinrich", ("Jessica Kline", "Mark Heinrich")),
    (
        "Reporting by David Shepardson in Washington and Joey Roulette in Cape Canaveral; "
        "Editing by Chizu Nomiyama",
        ("David Shepardson", "Joey Roulette", "Chizu Nomiyama"),
    ),
    ("Additional reporting by Anna Smith in London.", ("Anna Smith",)),
    (
        "(Reporting by Jane Doe; Writing by John Roe; Editing by Alex Richardson)",
        ("Jane Doe", "John Roe", "Alex Richardson"),
    ),
    (
        "Writing by Jane Doe; Editing by John Roe and Kim Coghill",
        ("Jane Doe", "John Roe", "Kim Coghill"),
    ),
    (
        "Contributing: Jane Doe, USA TODAY; The Associated Press",
        ("Jane Doe", "USA TODAY", "The Associated Press"),
    ),
    ("With AP", ("AP",)),
    ("— With AFP", ("AFP",)),
    ("(With inputs from PTI)", ("PTI",)),
    ("With inputs from agencies", ()),
    ("With reporting by Reuters and AFP.", ("Reuters", "AFP")),
    ("— The Associated Press", ("The Associated Press",)),
    ("(Reuters)", ("Reuters",)),
]

CAPTIONS = [
    ("Image source, Getty Images", ("Getty Images",)),
    ("Image caption, Protesters gathered outside the embassy on Sunday", ()),
    ("Photo by Jane Doe on Unsplash", ("Jane Doe", "Unsplash")),
    ("The crew capsule after splashdown. Photo courtesy of NASA", ("NASA",)),
    ("[Image: Getty Images]", ("Getty Images",)),
    ("(Image credit: NASA/JPL-Caltech)", ("NASA", "JPL-Caltech")),
    (
        "Elon Musk speaks during an America PAC town hall on Oct. 26 in Lancaster, "
        "Pennsylvania. Photo: Samuel Corum/Getty Images",
        ("Samuel Corum", "Getty Images"),
    ),
    (
        "Former President Donald Trump at a rally in Pennsylvania. "
        "(Photo by Chip Somodevilla/Getty Images)",
        ("Chip Somodevilla", "Getty Images"),
    ),
    (
        "(Photo by Jim Watson/AFP via Getty Images)",
        ("Jim Watson", "AFP", "Getty Images"),
    ),
    ("President Joe Biden speaks in the Oval Office. (AP Photo/Evan Vucci)", ("AP", "Evan Vucci")),
    (
        "A SpaceX Falcon 9 rocket lifts off from Cape Canaveral, Florida, U.S. REUTERS/Joe Skipper",
        ("REUTERS", "Joe Skipper"),
    ),
    (
        "FILE PHOTO: Tesla CEO Elon Musk attends a conference in Paris, France, June 16, 2023. "
        "REUTERS/Gonzalo Fuentes/File Photo",
        ("REUTERS", "Gonzalo Fuentes"),
    ),
    ("Image: Shutterstock", ("Shutterstock",)),
    ("Credit: Getty Images", ("Getty Images",)),
    ("Photograph: Sarah Silbiger/Reuters", ("Sarah Silbiger", "Reuters")),
    ("Photo illustration: Jane Doe/Example; Photos: Getty Images", ()),
    ("Samuel Corum/Getty Images", ("Samuel Corum", "Getty Images")),
    ("AFP via Getty Images", ("AFP", "Getty Images")),
    ("File photo", ()),
    ("Illustration by John Smith for The Example Times", ("John Smith", "The Example Times")),
]

LINKS = [
    "Also Read | Musk's SpaceX wins Pentagon contract",
    "ALSO READ: Why Starlink matters in Ukraine",
    "Read: The full text of the SpaceX statement",
    "Read the full story: Musk and Putin",
    "Tags: Elon Musk, Vladimir Putin, SpaceX",
    "MORE FROM FORBES",
    "More coverage: Hurricane Milton live updates",
    "Go deeper: How Elon Musk's empire changes with a second Trump term",
    "Go deeper (2 min. read): Musk's China ties",
    "Read more: Musk says he talks to Putin",
    "READ MORE: Biden responds to Musk report",
    "Related: SpaceX wins Pentagon contract",
    "See also: The Starlink problem",
    "Watch: Musk at the Pennsylvania town hall",
    "More: What we know about the Starship launch",
    "More from Axios: Musk's security clearance",
    "Read more",
    "Related Articles",
    "ICYMI: Five takeaways from the debate",
    "https://www.example.com/2024/10/26/musk-putin",
    "Read the full story at www.example.com/musk",
]

BYLINES = [
    ("By The Associated Press", ("The Associated Press",)),
    ("By Jane Doe, Staff Writer", ("Jane Doe",)),
    ("By Jane Doe and John Roe, CNN", ("Jane Doe", "John Roe", "CNN")),
    ("By Jane Doe", ("Jane Doe",)),
    ("By Jane Doe and John Roe", ("Jane Doe", "John Roe")),
    ("By Jane Doe, CNN", ("Jane Doe", "CNN")),
    ("By JANE DOE Associated Press", ("Jane Doe", "Associated Press")),
    ("By Jane Doe | Updated Oct. 26, 2024", ("Jane Doe",)),
    ("Written by María José García", ("María José García",)),
]


@pytest.mark.parametrize(("line", "names"), PROMOS)
def test_promo_lines(line: str, names: tuple[str, ...]) -> None:
    cue = classify(line)
    assert cue is not None and cue.kind == "promo", line
    assert cue.outlets == names


@pytest.mark.parametrize(("line", "names"), FOOTERS)
def test_footer_lines(line: str, names: tuple[str, ...]) -> None:
    cue = classify(line)
    assert cue is not None and cue.kind == "footer", line
    assert cue.outlets == names


@pytest.mark.parametrize(("line", "names"), CREDITS)
def test_credit_lines(line: str, names: tuple[str, ...]) -> None:
    cue = classify(line)
    assert cue is not None and cue.kind == "credit", line
    assert set(cue.names) == set(names)


@pytest.mark.parametrize(("line", "names"), CAPTIONS)
def test_caption_lines(line: str, names: tuple[str, ...]) -> None:
    cue = classify(line)
    assert cue is not None and cue.kind == "caption", line
    if names:
        assert set(cue.names) == set(names)


@pytest.mark.parametrize("line", LINKS)
def test_link_lines(line: str) -> None:
    cue = classify(line)
    assert cue is not None and cue.kind == "link", line


@pytest.mark.parametrize(("line", "names"), BYLINES)
def test_byline_lines(line: str, names: tuple[str, ...]) -> None:
    cue = classify(line)
    assert cue is not None and cue.kind == "byline", line
    assert set(cue.names) == set(names)


def test_footer_gives_title_and_outlet() -> None:
    cue = classify("The post Trump&#8217;s rally: what to know appeared first on Example News.")
    assert cue is not None
    assert cue.title == "Trump’s rally: what to know"
    assert cue.outlets == ("Example News",)
    assert cue.own > 0.9


def test_credit_for_names_the_host_first_and_trusts_it() -> None:
    cue = classify("Jessica Kline contributed to this report for TROIB News")
    assert cue is not None
    assert cue.outlets == ("TROIB News",) and cue.people == ("Jessica Kline",)
    assert cue.own >= 0.8
    contributor = classify("The Associated Press contributed to this report.")
    assert contributor is not None and contributor.own == 0.0  # a source, not the host


def test_social_follow_is_weaker_evidence_than_news_aggregator_follow() -> None:
    social = classify("Follow Jane Doe on X")
    aggregator = classify("Follow Example Post on Google News")
    assert social is not None and aggregator is not None
    assert social.own < 0.5 < aggregator.own


def test_author_bio_only_at_the_end() -> None:
    bio = "Jane Doe is a senior correspondent at Vox, where she covers national security."
    assert classify(bio, tail=False) is None
    cue = classify(bio, tail=True)
    assert cue is not None and cue.kind == "credit"
    assert cue.people == ("Jane Doe",) and cue.outlets == ("Vox",)


# --- real paragraphs that look a little like boilerplate and must stay -------------

KEEP = [
    "Like many on Facebook, she was shocked by the video.",
    "Follow him on X, where he has 200 million followers, and you will see why.",
    "Register to vote by Oct. 7, officials urged.",
    "The magazine's cover used a photo by Annie Leibovitz.",
    "In the video, Trump and Biden.",
    "Related: the company said the incidents were not connected.",
    "By Design",
    "Tags on the luggage showed it had passed through Frankfurt.",
    "Read my lips: no new taxes, the candidate promised in 1988, a pledge he later broke.",
    "Image is everything in politics, and Musk knows it, analysts say.",
    "By Jane Doe's own account, the company lost $2 million in the first year.",
    "Photo opportunities were limited, and reporters were kept behind a rope line.",
    "The courtesy of the hosts impressed the delegation, officials said.",
    # "follow", "subscribe", "sign up"
    "Investors will follow the Federal Reserve's decision closely on Wednesday.",
    "Follow-up talks are scheduled for next week in Geneva, officials said.",
    "Police said they would follow up on the tip and interview witnesses on Monday.",
    "Subscribers to the service will see prices rise by $2 a month from January.",
    "Sign-ups for the program rose 20% in the first week, the agency said.",
    "Subscribe to the idea that markets always recover, and you will sleep better, he "
    "wrote in a blog post that drew wide criticism from economists.",
    "Millions of Americans follow him on X, where he posts dozens of times a day.",
    "She urged people to follow the evacuation orders on Facebook and local radio.",
    # "photo", "image", "credit"
    "The photo, which was taken in 2019, shows the two men shaking hands in Moscow.",
    "A photo posted on social media showed the damaged building in Kharkiv.",
    "Credit card debt rose to a record $1.17 trillion in the third quarter.",
    "Credit: the company said it would repay the loan by 2026, though analysts doubted it.",
    "The image of Musk on stage with Trump has become a symbol of the campaign.",
    "Getty Images, the photo agency, said it had removed the picture.",
    # "read more", "watch", "related"
    "Watch: “I will not back down,” Zelensky said in his nightly address to the nation.",
    "Related: the company said the two incidents were not connected, and a "
    "spokesperson declined to say more about the investigation or its timeline.",
    "More than 100 people were killed in the attack, the ministry said.",
    "Read more about the company's plans in its annual report, which runs to 300 pages "
    "and was released on Friday after weeks of delays and criticism.",
    "Watch the skies tonight: the meteor shower peaks after midnight. "
    "Astronomers say it will be the best display in years.",
    # "by", "contributed", "reporting"
    "By Friday, officials said, the fire had been contained.",
    "By contrast, the Senate version of the bill would cut taxes for the middle class.",
    "By the time police arrived, the suspect had fled the scene.",
    "Musk contributed to this report's central finding by declining to answer questions.",
    "Reporting by the Wall Street Journal showed that Musk had spoken to Putin several times.",
    "With Trump in the White House, the policy is likely to change.",
    "With the election just days away, both campaigns are focusing on Pennsylvania.",
    # "copyright", "originally", "the post"
    "Copyright law does not protect facts, only their expression, the judge wrote.",
    "The post office in the town closed in 2019 after 140 years.",
    "The post was first published on his Substack and later deleted.",
    "This story was first reported by the Wall Street Journal on "
    "Thursday, and the Kremlin has since denied parts of it.",
    "The article originally appeared in a 1998 academic journal that few "
    "people read, but it has since been cited thousands of times.",
    # quoted speech is never removed
    '"Follow us on Twitter," the spokesperson joked at the press conference, to laughter.',
    "“Sign up for the draft? Never,” he told the crowd in Ohio.",
    # plain body lines
    "Elon Musk's alleged conversations with Russian President Vladimir "
    "Putin have raised national security questions.",
    "Why it matters: The situation puts the government in a difficult position.",
    'Zoom in: "That can be a big deal," Meyer said.',
    "State of play: NASA Administrator Bill Nelson told Semafor "
    "Friday that the reports were concerning.",
    "Jane Doe is a reporter who covered the war in Ukraine for "
    "five years before joining the campaign.",
]


@pytest.mark.parametrize("line", KEEP)
def test_real_paragraphs_are_kept(line: str) -> None:
    assert classify(line) is None, classify(line)


@pytest.mark.parametrize("line", KEEP)
def test_real_paragraphs_are_kept_at_the_end_too(line: str) -> None:
    cue = classify(line, tail=True)
    assert cue is None, cue
