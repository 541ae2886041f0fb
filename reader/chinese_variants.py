"""Traditional Chinese characters and the Simplified ones written for them, a table small enough
to keep by hand: Taiwan's 臺北 and its everyday 台北, the mainland's 地铁 for Taiwan's and Hong
Kong's 地鐵, 陈美玲 for 陳美玲 (acc31b M9). A search folds each Traditional character here to its
Simplified one, so either finds the other, one character for one (`fold.SCRIPTS`).

Only the characters of news that differ most often (about 750; a full table holds some
thousands, and writing Simplified back as Traditional, 发 as 發 or 髮, needs a dictionary such
as OpenCC's): a rarer one typed in one form finds only that form, as before. Kept out: those whose Simplified form is
another common Japanese character, which Japanese text would then confuse (裏 "back" → 里
"village").
"""

from __future__ import annotations

_TRADITIONAL = (
    "臺檯颱灣陳鐵運車東國學會發髮時說對長開關經報記電線區門間現無與為這個們來過還進動機場業產價萬億議"
    "權總統選舉黨軍醫應當點華馬龍風氣島鄉縣環濟貿銀錢從聯項題護戰勞辦務實際體頭據導質樣邊變讓認識論語"
    "話讀書寫聽見視觀覺親紀級約給結絕織維網緊續組細終練義員圓團圖園問聞閱陽陰險隊隨難雙雜雞離響順預領"
    "頻顯類飛飯館驗魚鳥麥黃齊齒歲歷曆歸殺漢湯滿準溫測濕災熱燈爾狀獨獎畫療盡監眾礙確禮稅穩競筆節範築簡"
    "糧紅紙純納綠編罰職興舊艦藝蘇藥蟲術衛衝裝補複復規覽計訂討訓託設許訴診詞試詩該詳誌誤課調請諾謝證貝"
    "負財責貨販貧費資賣買賽贊讚趕趨跡躍輕載輛輸轉農遠連週遊達遲遺適郵鄰釋針鈔鋼錄錯鍵鎮閉閒陸階雖靈韓"
    "頁須顧願飲養餘駐驚鬥魯鮮麗齡傳傷優儲兒兩內冊則剛劃劇勁勝勢協單廠廣廳彈徵態憲懷戲擁擇擊擔攝敵數斷"
    "條極構標樂樓橋檢沒況淚淨湧漁潛濃煙煩營爭牆獻畢異盜碼礦禍種積穀窮簽籤籃糾紛紹綜縮績繼罷聖聲肅脅腦"
    "臉莊葉蓋蔣薦藍處號製襲觸訊訪評詢誠談謀講譯豐貴貸貼賀賠賴購贈趙軌軟較輔輪辭遞邏鄭釣鉛銷鋪鏡鐘鍾閃"
    "閣闆隱靜頂頓頒頗額飄飽騎騙驅鬧鳴鴻鵝鹽麵龜遷歐漲擴戶傘廟豬貓鑰陣陝濱滬廈稱匯彙屆層屬岡嶺帥師帳帶"
    "幫幣庫彎後徑憂懸戀揚換損搶搖撥擬擾攤晉曉棄棟槍樞檔欄歡殘毀濫爐爛犧猶獲穫瓊畝瘋癒盤矯碩禪禦窩竊簾"
    "籌粵紋紡綁綱綿緒緣縱繪繳纖羅習聰膽膚臨艙荊莖萊蔥薩蘭虧蝦蠟襪証詐誇誕誘諸謊譜豈貢貫賊賓賜賞賦賭贏"
    "踐蹤軒軸輝輩轄遼鄧醜釀鈴銅銳鋒錦鍋鎖鏈鑑鑒閥闊隸霧韋頸顆顏飢饑飼餅駕駛騰驟髒臟鬆鯨鴨鵬鶴麼黴齋龐"
    "乾幹裡隻嘆僅幾誰壓壞執堅塊壯備傑偉倫側債傾僑儀兇劉創勸參叢嚴啟喪嗎嘗噸圍壇夢奪奮婦媽孫寧寶審將尋"
    "專嶼廢張徹恆悅惡愛慘慣慶憶擠攜敗敘暫曬楊榮橫櫃殼滅滯漸潔濤灑烏煉燒爺牽獅獵獸瑪疊礎籠紐絡絲緩縫繩"
    "繫脫腳膠艱蠻褲諮謹貪轟違遙醬頑飾驛鐮鄒閩廬樸蕭韻鬱顥"
    "於決減強亞"
)
_SIMPLIFIED = (
    "台台台湾陈铁运车东国学会发发时说对长开关经报记电线区门间现无与为这个们来过还进动机场业产价万亿议"
    "权总统选举党军医应当点华马龙风气岛乡县环济贸银钱从联项题护战劳办务实际体头据导质样边变让认识论语"
    "话读书写听见视观觉亲纪级约给结绝织维网紧续组细终练义员圆团图园问闻阅阳阴险队随难双杂鸡离响顺预领"
    "频显类飞饭馆验鱼鸟麦黄齐齿岁历历归杀汉汤满准温测湿灾热灯尔状独奖画疗尽监众碍确礼税稳竞笔节范筑简"
    "粮红纸纯纳绿编罚职兴旧舰艺苏药虫术卫冲装补复复规览计订讨训托设许诉诊词试诗该详志误课调请诺谢证贝"
    "负财责货贩贫费资卖买赛赞赞赶趋迹跃轻载辆输转农远连周游达迟遗适邮邻释针钞钢录错键镇闭闲陆阶虽灵韩"
    "页须顾愿饮养余驻惊斗鲁鲜丽龄传伤优储儿两内册则刚划剧劲胜势协单厂广厅弹征态宪怀戏拥择击担摄敌数断"
    "条极构标乐楼桥检没况泪净涌渔潜浓烟烦营争墙献毕异盗码矿祸种积谷穷签签篮纠纷绍综缩绩继罢圣声肃胁脑"
    "脸庄叶盖蒋荐蓝处号制袭触讯访评询诚谈谋讲译丰贵贷贴贺赔赖购赠赵轨软较辅轮辞递逻郑钓铅销铺镜钟钟闪"
    "阁板隐静顶顿颁颇额飘饱骑骗驱闹鸣鸿鹅盐面龟迁欧涨扩户伞庙猪猫钥阵陕滨沪厦称汇汇届层属冈岭帅师帐带"
    "帮币库弯后径忧悬恋扬换损抢摇拨拟扰摊晋晓弃栋枪枢档栏欢残毁滥炉烂牺犹获获琼亩疯愈盘矫硕禅御窝窃帘"
    "筹粤纹纺绑纲绵绪缘纵绘缴纤罗习聪胆肤临舱荆茎莱葱萨兰亏虾蜡袜证诈夸诞诱诸谎谱岂贡贯贼宾赐赏赋赌赢"
    "践踪轩轴辉辈辖辽邓丑酿铃铜锐锋锦锅锁链鉴鉴阀阔隶雾韦颈颗颜饥饥饲饼驾驶腾骤脏脏松鲸鸭鹏鹤么霉斋庞"
    "干干里只叹仅几谁压坏执坚块壮备杰伟伦侧债倾侨仪凶刘创劝参丛严启丧吗尝吨围坛梦夺奋妇妈孙宁宝审将寻"
    "专屿废张彻恒悦恶爱惨惯庆忆挤携败叙暂晒杨荣横柜壳灭滞渐洁涛洒乌炼烧爷牵狮猎兽玛叠础笼纽络丝缓缝绳"
    "系脱脚胶艰蛮裤咨谨贪轰违遥酱顽饰驿镰邹闽庐朴萧韵郁颢"
    "于决减强亚"  # acc41c C19: 關於, 決定, 減少, 加強, 亞洲 (not 係: 系 is Japanese too)
)


def simplified() -> dict[int, str]:
    """Each Traditional character of the table → its Simplified one."""
    return {ord(t): s for t, s in zip(_TRADITIONAL, _SIMPLIFIED, strict=True)}
