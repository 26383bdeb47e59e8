namespace OciOperator.ResourceGraph.Crd;

/// <summary>
/// The dictionary and suffix tables, grouped by the English plural rule they illustrate. They are properties (built
/// only while the lookup tables in <c>EnglishPluralizer.cs</c> initialise) so static initialisation order across the
/// partial files does not matter.
/// </summary>
internal static partial class EnglishPluralizer
{
    private static Word[] Words =>
    [
        // Same singular and plural.
        new("aircraft", "aircraft"), new("bison", "bison"), new("chassis", "chassis"), new("deer", "deer"),
        new("fish", "fish", "fishes"), new("moose", "moose"), new("police", "police"), new("salmon", "salmon", "salmons"),
        new("series", "series"), new("sheep", "sheep"), new("shrimp", "shrimp", "shrimps"), new("species", "species"),
        new("swine", "swine", "swines"), new("trout", "trout", "trouts"), new("tuna", "tuna", "tunas"),

        // -en plurals and vowel changes; "human" comes after "man" so "superhuman" is not "superhumen".
        new("child", "children"), new("ox", "oxen", Exact: true), new("foot", "feet"), new("goose", "geese"),
        new("man", "men"), new("human", "humans"), new("louse", "lice", Exact: true), new("mouse", "mice"),
        new("tooth", "teeth"), new("woman", "women"), new("die", "dice", Exact: true), new("person", "people"),

        // Borrowed words.
        new("bureau", "bureaus", "bureaux"), new("criterion", "criteria"), new("phenomenon", "phenomena"),
        new("media", "media"), new("medium", "media", "mediums", Unidirectional: true), new("stadium", "stadiums", "stadia"),
        new("curriculum", "curriculums", "curricula"), new("quota", "quotas"),
        new("alumnus", "alumni", "alumnuses"), new("cactus", "cacti", "cactuses"), new("focus", "foci", "focuses"),
        new("nucleus", "nuclei", "nucleuses"), new("radius", "radii", "radiuses"), new("syllabus", "syllabi"),
        new("corpus", "corpora", "corpuses"), new("genus", "genera"), new("vertebra", "vertebrae"),
        new("apex", "apices", "apexes"), new("codex", "codices", "codexes"), new("index", "indices", "indexes"),
        new("vertex", "vertices", "vertexes"), new("vortex", "vortices", "vortexes"),
        new("appendix", "appendices", "appendixes"), new("helix", "helices", "helixes"),
        new("axis", "axes", Exact: true), new("crisis", "crises"), new("genesis", "geneses"), new("oasis", "oases"),
        new("thesis", "theses"), new("base", "bases"), new("basis", "bases", Unidirectional: true),
        new("alias", "aliases", Exact: true),

        // Endings that look like another rule.
        new("use", "uses", Exact: true), new("abuse", "abuses"), new("cause", "causes"), new("clause", "clauses"),
        new("excuse", "excuses"), new("fuse", "fuses"), new("house", "houses"), new("misuse", "misuses"),
        new("pause", "pauses"), new("ache", "aches"), new("topaz", "topazes"),
        new("buffalo", "buffaloes", "buffalos"), new("potato", "potatoes"), new("tomato", "tomatoes"),

        // Uncountable.
        new("equipment", "equipment"), new("information", "information"), new("jeans", "jeans"), new("money", "money"),
        new("news", "news"), new("rice", "rice"),

        // Exceptions to the -f/-fe, -y, -um and -o rules.
        new("dwarf", "dwarfs", "dwarves"), new("hoof", "hoofs", "hooves"), new("thief", "thieves"),
        new("chive", "chives"), new("hive", "hives"), new("move", "moves"), new("movie", "movies"),
        new("cookie", "cookies"), new("agenda", "agendas"), new("formula", "formulas", "formulae"),
        new("shoe", "shoes"), new("toe", "toes", Exact: true), new("graffiti", "graffiti"),
    ];

    /// <summary>Suffix swaps in priority order (first match wins).</summary>
    private static (string Singular, string Plural)[] Suffixes =>
    [
        // -f / -fe → -ves
        ("tive", "tives"), ("eaf", "eaves"), ("oaf", "oaves"), ("afe", "aves"), ("arf", "arves"), ("rfe", "rves"),
        ("rf", "rves"), ("lf", "lves"), ("fe", "ves"),

        // -y after a consonant → -ies
        ("ay", "ays"), ("ey", "eys"), ("oy", "oys"), ("quy", "quies"), ("uy", "uys"), ("y", "ies"),

        // French -eau, Latin -a, Greek -on, Latin -um
        ("eau", "eaux"), ("bula", "bulae"), ("dula", "bulae"), ("lula", "bulae"), ("nula", "bulae"), ("vula", "bulae"),
        ("hedron", "hedra"), ("ium", "ia"), ("seum", "seums"), ("eum", "ea"), ("oum", "oa"), ("stracum", "straca"),
        ("dum", "da"), ("elum", "ela"), ("ilum", "ila"), ("olum", "ola"), ("ulum", "ula"), ("llum", "lla"),
        ("ylum", "yla"), ("imum", "ima"), ("ernum", "erna"), ("gnum", "gna"), ("brum", "bra"), ("crum", "cra"),
        ("terum", "tera"), ("serum", "sera"), ("trum", "tra"), ("antum", "anta"), ("atum", "ata"), ("entum", "enta"),
        ("etum", "eta"), ("itum", "ita"), ("otum", "ota"), ("utum", "uta"), ("ctum", "cta"), ("ovum", "ova"),

        // Latin -trix, Greek -sis
        ("trix", "trices"), ("iasis", "iases"), ("mesis", "meses"), ("kinesis", "kineses"), ("resis", "reses"),
        ("gnosis", "gnoses"), ("opsis", "opses"), ("ysis", "yses"),

        // -ch, -o, -s, -sh, -x, -z
        ("ouse", "ouses"), ("lause", "lauses"), ("us", "uses"), ("ch", "ches"), ("io", "ios"), ("sh", "shes"),
        ("ss", "sses"), ("ez", "ezzes"), ("iz", "izzes"), ("tz", "tzes"), ("zz", "zzes"), ("ano", "anos"),
        ("lo", "los"), ("to", "tos"), ("oo", "oos"), ("o", "oes"), ("x", "xes"),
    ];
}
