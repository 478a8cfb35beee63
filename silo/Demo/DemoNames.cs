namespace GridCommand.Silo.Demo;

/// <summary>Chinese names for the Yangzhou-like demo city.</summary>
internal static class DemoNames
{
    public static readonly string[] Workstations =
    [
        "明月湖", "文昌阁", "东关街", "瘦西湖", "何园", "荷花池", "万福路", "汶河",
        "扬州大学", "京华城", "运河", "宋夹城", "双博馆", "三湾", "廖家沟",
    ];

    public static readonly string[] Communities =
    [
        "梅岭", "甘泉", "汤汪", "扬子津", "文汇", "双桥", "曲江", "东花园", "渡江", "念泗", "石塔", "四望亭",
        "西湖", "蒋王", "邗上", "新盛", "兰亭", "翠岗", "五里庙", "沙口", "湾头", "头桥", "李典", "杭集",
        "沙头", "施桥", "瓜洲", "八里", "朴席", "城北", "槐泗", "竹西",
    ];

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗"];

    private static readonly string[] GivenNames = ["建国", "志强", "海军", "伟", "磊", "军", "勇", "杰", "涛", "明", "超", "秀英", "敏", "静", "丽", "强", "平", "刚", "桂英", "文", "华", "俊", "亮", "斌"];

    public static string Person(Random random) => Surnames[random.Next(Surnames.Length)] + GivenNames[random.Next(GivenNames.Length)];

    /// <summary>邗江区 to the west, 广陵区 to the east, the development zone in the south.</summary>
    public static string District(double lat, double lon) => lat < 32.345 ? "开发区" : lon < 119.42 ? "邗江区" : "广陵区";
}
