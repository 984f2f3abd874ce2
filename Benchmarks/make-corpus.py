#!/usr/bin/env python3
"""Writes a realistic Rapport site folder with N customers, deterministic from a seed.

    Benchmarks/make-corpus.py OUT_DIR N [--seed S] [--letters K]

Customers have international names (Latin with accents, Greek, Cyrillic, Han, kana and
Hangul; middle names, initials, compound and hyphenated surnames), unique emails and
phone numbers, 1-3 KB notes with dated visits, talking points, the odd follow-up and
make-it-right item, tags, children, pets, and a schedule for the coming week. Names are
drawn so that no two customers share a name or have names one letter apart, the
pairs Rapport would report as likely duplicates. K letters (default 1: thank-you; 2
adds come-back, 3 adds a birthday card). The same arguments always give the same bytes.
"""
import argparse
import os
import random
import unicodedata
from datetime import date

# ---------------------------------------------------------------------------- names
# Each culture: given names, surnames, how often a second given name or an initial is
# written in first_name, and how surnames combine. Weights are roughly proportional to
# the number of distinct names a culture can make, so none runs dry at 100,000.

CULTURES = [
    {
        "name": "english", "weight": 22, "middle": 0.25, "initial": 0.12, "hyphen": 0.06,
        "first": """Margaret Arthur Rachel Oliver Amelia Harry Isla George Poppy Jack Florence Thomas
            Charlotte William Emily James Grace Henry Alice Edward Lucy Samuel Hannah Daniel Sophie
            Benjamin Eleanor Joseph Matilda Alfie Imogen Oscar Rosie Frederick Evie Archie Harriet
            Theodore Phoebe Hugo Beatrice Rupert Jessica Callum Abigail Nathan Megan Toby Chloe Ethan
            Olivia Joshua Kathleen Dennis Maureen Graham Pauline Trevor Shirley Colin Beverley Nigel
            Gillian Malcolm Yvonne Stuart Deborah Gareth Rhiannon Dylan Carys Ewan Morag Fraser Kirsty
            Lachlan Iona Brandon Tiffany Tyler Madison Austin Savannah Mason Brooke Hunter Kayla""",
        "last": """Whitfield Bennett Thompson Harrison Clarke Fletcher Pemberton Ashworth Hargreaves
            Lockwood Sutherland Montgomery Fairweather Blackwood Holloway Ravenscroft Carmichael
            Whitaker Cartwright Sinclair Thornton Kendrick Wainwright Davenport Prescott Aldridge
            Bradshaw Chamberlain Dalrymple Eversley Fotheringham Greenhalgh Hutchinson Ingram Jenkins
            Kettering Lancaster Merriweather Nightingale Oakley Pennington Quinlan Radcliffe
            Stanhope Tennyson Underwood Vickers Worthington Yardley Abernethy Brewster Cunningham
            Drummond Entwistle Fitzwilliam Goodwin Hawthorne Illingworth Jefferson Kingsley Lovelace
            Marlowe Norwood Osborne Pickering Rutherford Stockwell Townsend Upton Winterbottom
            Armitage Blenkinsop Crabtree Dunwoody Edgerton Featherstone Gallagher Higginbottom""",
    },
    {
        "name": "irish", "weight": 5, "middle": 0.15, "initial": 0.05,
        "first": """Siobhán Niamh Aoife Saoirse Caoimhe Róisín Aisling Sinéad Orla Dervla Fionnuala
            Gráinne Méabh Clodagh Ailbhe Éabha Bríd Nuala Eoin Cillian Oisín Pádraig Ciarán Tadhg Colm
            Declan Darragh Fiachra Ruairí Seánín Donnchadh Lorcan Fearghal Cathal Diarmuid Ronan""",
        "last": """Ní_Bhriain O'Connell Ó_Súilleabháin Mac_Giolla_Phádraig Kavanagh Ní_Dhomhnaill
            Breathnach Fitzgerald Ó_Ceallaigh Mac_Cárthaigh Ní_Mhurchú Ó_Briain Ní_Fhlatharta
            Ó_Dubhghaill MacNamara O'Donoghue Ó_Laoire Ní_Chonaill Mac_Aodha Ó_Riordáin Ní_Ghallchóir
            O'Sullivan Ó_Máille McGuinness Ní_Bhraonáin Ó_Néill Mac_an_tSaoi Ní_Chléirigh Ó_Floinn""",
    },
    {
        "name": "german", "weight": 8, "middle": 0.2, "initial": 0.04,
        "first": """Lukas Zoë Jürgen Anneliese Maximilian Lea Wolfgang Ursula Friedrich Hannelore
            Johanna Matthias Greta Konstantin Liesel Dietrich Mareike Tobias Franziska Sebastian
            Henrike Joachim Wiebke Benedikt Svenja Florian Katharina Dominik Friederike Leonhard
            Gudrun Torsten Annika Ruprecht Sieglinde Ottmar Waltraud Anna-Lena Jan-Hendrik Marie-Luise""",
        "last": """Müller Schneider Weißenberger Höfler Grünewald Schäfer Böhm Krämer Lindemann
            Vogelsang Eichhorn Rosenthal Brandstätter Kirchhoff Falkenrath Obermeier Dörfler Wendt
            Hartmann Liebknecht Sonnenschein Zimmermann Achterberg Baumgärtner Dreesen Engelhardt
            Fürstenberg Gottschalk Hagedorn Jablonski Kessler Lohmeyer Mittermaier Nussbaum
            Oppenheim Pfeiffer Rautenberg Steinbrück Trautmann Unterberger Vollmer Winkelmann""",
    },
    {
        "name": "french", "weight": 7, "middle": 0.2, "initial": 0.03,
        "first": """Théo Chloé Camille Hélène Amélie Léa Mathéo Anaïs Gaëlle Benoît Céline Étienne
            Margaux Rémi Solène Thibault Clémence Aurélien Océane Baptiste Maëlle Grégoire Inès
            Jérôme Noémie Quentin Sylvie Raphaël Élodie Timothée Agathe Lucien Bérénice Gaspard
            Jean-Baptiste Marie-Claire Anne-Sophie Pierre-Louis""",
        "last": """Fontaine Dubois Lefèvre Moreau Chevalier Lacroix Marchand Rousseau Beaumont
            Delacroix Fournier Garnier Girard Lemaire Mercier Perrin Rivière Sauvage Tessier Vasseur
            Bonnefoy Carpentier Desjardins Escoffier Fauconnier Gauthier Hébert Jolivet Langlois
            Martineau Noiret Pelletier Quéré Renaud Sarrazin Thibodeau Valette Villeneuve""",
    },
    {
        "name": "spanish", "weight": 9, "middle": 0.25, "initial": 0.0, "two_surnames": 0.8,
        "first": """José Ana Tomás Mateo Lucía Sofía Alejandro Valentina Joaquín Ximena Íñigo Begoña
            Rocío Andrés Catalina Diego Guadalupe Héctor Inmaculada Javier Lourdes Martín Nerea
            Óscar Pilar Ramón Soledad Teodoro Úrsula Vicente Yolanda Santiago Milagros Emilio Consuelo
            Maite Gonzalo Remedios Fernando Ainhoa Marisol Agustín Montserrat Rodrigo Macarena""",
        "last": """Álvarez García Fernández González Rodríguez López Martínez Sánchez Pérez Gómez
            Jiménez Ruiz Hernández Díaz Moreno Muñoz Romero Alonso Gutiérrez Navarro Torres Domínguez
            Vázquez Ramos Gil Ramírez Serrano Blanco Molina Morales Suárez Ortega Delgado Castro Ortiz
            Rubio Marín Sanz Núñez Iglesias Medina Garrido Cortés Castillo Santos Lozano Guerrero Cano
            Prieto Méndez Cruz Calvo Gallego Vidal León Márquez Herrera Peña Flores Cabrera Campos""",
    },
    {
        "name": "portuguese", "weight": 5, "middle": 0.3, "initial": 0.0, "two_surnames": 0.6,
        "first": """João Conceição Gonçalo Leonor Inês Rafaela Thiago Letícia Caio Beatriz Vinícius
            Mariana Guilherme Fernanda Rodrigo Larissa Sebastião Graça Duarte Matilde Afonso Yasmin
            Lívia Otávio Heloísa Renan Brenda Felipe Jéssica Leandro""",
        "last": """Silva Santos Oliveira Souza Pereira Costa Rodrigues Almeida Nascimento Lima Araújo
            Fernandes Carvalho Gomes Martins Rocha Ribeiro Alves Monteiro Mendes Barros Freitas
            Barbosa Pinto Moura Cavalcanti Dias Castro Campos Cardoso Teixeira Vieira Magalhães
            Figueiredo Quintela Sampaio Tavares Valadares""",
    },
    {
        "name": "italian", "weight": 6, "middle": 0.15, "initial": 0.0,
        "first": """Giulia Alessandro Francesca Lorenzo Chiara Matteo Federica Riccardo Beatrice
            Tommaso Ludovica Gabriele Martina Edoardo Alessia Niccolò Ginevra Leonardo Aurora Davide
            Caterina Pietro Benedetta Jacopo Serena Emanuele Rosalia Salvatore Graziella Vittorio""",
        "last": """Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Bruno
            Gallo Conti De_Luca Mancini Costa Giordano Rizzo Lombardi Moretti Barbieri Fontana
            Santoro Mariani Rinaldi Caruso Ferrara Galli Martini Leone Longo Gentile Martinelli
            Vitale Serra Coppola De_Santis D'Angelo Marchetti Parisi Villa Benedetti Pellegrini""",
    },
    {
        "name": "polish_czech", "weight": 5, "middle": 0.1, "initial": 0.0,
        "first": """Małgorzata Łukasz Wojciech Agnieszka Grzegorz Katarzyna Zbigniew Bożena Jędrzej
            Żaneta Przemysław Urszula Radosław Jadwiga Mieczysław Dorota Tomáš Jiří Petra Zdeněk
            Kateřina Vojtěch Markéta Radek Šárka Ondřej Lenka Bohumil Věra Kryštof""",
        "last": """Nowak Kowalski Wiśniewski Wójcik Kowalczyk Kamiński Lewandowski Zieliński
            Szymański Woźniak Dąbrowski Kozłowski Jankowski Mazur Kwiatkowski Krawczyk Piotrowski
            Grabowski Pawłowski Michalski Novák Svoboda Dvořák Černý Procházka Kučera Veselý
            Horák Němec Pokorný Marek Pospíšil Hájek Jelínek Král Růžička Beneš Fiala Sedláček""",
    },
    {
        "name": "nordic", "weight": 5, "middle": 0.15, "initial": 0.02,
        "first": """Björn Søren Ingrid Sigrid Åsa Leif Astrid Henrik Solveig Torbjørn Freja Mikkel
            Linnéa Gunnar Ylva Espen Maja Rasmus Ragnhild Eskil Thyra Anders Liv Håkon Elin Kasper
            Signe Stellan Tove Øystein Birgitta Jonas Kerstin Magnus Pernilla""",
        "last": """Lindqvist Jensen Sørensen Halvorsen Andersson Johansson Karlsson Nilsson Eriksson
            Larsson Olsen Hansen Pedersen Kristiansen Lundgren Bergström Sandberg Holmberg Åkesson
            Nyström Sjöberg Wallin Lindholm Engström Dahl Haugen Bakke Solberg Strand Mikkelsen
            Rasmussen Thorsen Vikström Ekdahl Rønning Bjørklund Fjeldstad""",
    },
    {
        "name": "dutch", "weight": 4, "middle": 0.2, "initial": 0.05,
        "first": """Sanne Daan Femke Joost Lotte Bram Marloes Thijs Anouk Sven Fleur Ruben Ilse Jeroen
            Maartje Wouter Noortje Pieter Roos Gijs Eline Teun Hanneke Lars Jikke Stijn Evi Koen""",
        "last": """de_Vries van_den_Berg van_Dijk Bakker Janssen Visser Smit Meijer de_Boer Mulder
            de_Groot Bos Vos Peters Hendriks van_Leeuwen Dekker Brouwer de_Wit Dijkstra Smits
            de_Graaf van_der_Meer van_der_Linden Kok Jacobs de_Haan Vermeulen van_den_Heuvel
            van_der_Veen van_den_Broek de_Bruijn Schouten van_Beek Willems Verbeek Hoekstra""",
    },
    {
        "name": "greek", "weight": 2, "middle": 0.0, "initial": 0.0,
        "first": """Ελένη Γιώργος Μαρία Δημήτρης Κατερίνα Νίκος Σοφία Κώστας Αναστασία Γιάννης
            Δέσποινα Παναγιώτης Βασιλική Αλέξανδρος Ευαγγελία Χρήστος Φωτεινή Σπύρος Αικατερίνη
            Θανάσης Ειρήνη Μιχάλης Χαρίκλεια Λευτέρης Ζωή Στέλιος Αθηνά Ανδρέας Ιουλία Περικλής""",
        "last": """Παπαδοπούλου Παπαδόπουλος Γεωργίου Νικολάου Οικονόμου Αντωνίου Βασιλείου Δημητρίου
            Καραγιάννη Μαυρίδης Κωνσταντίνου Ιωάννου Αθανασίου Χριστοδούλου Πετρόπουλος
            Αλεξανδρόπουλος Σταυρόπουλος Μιχαηλίδης Θεοδωρίδης Ζαχαρίου Λαμπράκης Κυριακίδης
            Παπανικολάου Τσακίρη Βλάχος Σαββίδης Χατζηδάκης Ευαγγέλου Ραφαηλίδης Μαργαρίτη
            Αναστασίου Πολυχρόνη Καλογεράκης Φραγκιαδάκη Σωτηρίου""",
    },
    {
        "name": "cyrillic", "weight": 2, "middle": 0.0, "initial": 0.0,
        "first": """Олена Андрій Наталія Дмитро Ірина Сергій Оксана Тарас Катерина Богдан Анастасія
            Олександр Юлія Максим Тетяна Володимир Світлана Микола Людмила Євген Марія Павло
            Ганна Ярослав Софія Віктор Дарина Роман Валентина Ігор""",
        "last": """Шевченко Коваленко Бондаренко Ткаченко Кравченко Олійник Шевчук Поліщук Лисенко
            Мельник Бойко Коваль Савченко Руденко Марченко Мороз Клименко Петренко Гончаренко
            Левченко Павленко Кузьменко Харченко Литвиненко Приходько Остапенко Симоненко Тимошенко
            Іваненко Романенко Демченко Карпенко Юрченко Гаврилюк Захарченко""",
    },
    {
        "name": "turkish", "weight": 3, "middle": 0.15, "initial": 0.0,
        "first": """Ayşe Mehmet Elif Mustafa Zeynep Emre Büşra Oğuz Gülşen Barış Şebnem Çağlar Özlem
            Hakan Ebru İsmail Derya Kerem Nur Serkan Yasemin Tolga Melek Burak Sevgi Umut Pınar
            Volkan Dilek Koray""",
        "last": """Yılmaz Kaya Demir Şahin Çelik Yıldız Yıldırım Öztürk Aydın Özdemir Arslan Doğan
            Kılıç Aslan Çetin Kara Koç Kurt Özkan Şimşek Polat Özer Erdoğan Güneş Aksoy Karataş
            Tekin Bulut Ünal Kaplan Güler Korkmaz Acar Uçar Bayram""",
    },
    {
        "name": "arabic", "weight": 5, "middle": 0.3, "initial": 0.0,
        "first": """Fatima Yusuf Aisha Omar Layla Khalid Mariam Hassan Nour Tariq Zainab Karim Amira
            Bilal Salma Ibrahim Rania Mahmoud Huda Samir Yasmin Faisal Leila Ziad Hanan Walid Dalia
            Nabil Reem Jamal Soraya Anwar Inas Idris Lubna Rashid Ghada Mounir""",
        "last": """Haddad Khoury Al-Masri Nasser Saleh Hamdan Mansour Farouk Al-Rashid Qureshi
            Abdullah El-Amin Boutros Darwish Habibi Issa Jaber Kanaan Al-Hakim Mahfouz Najjar
            Obeidat Rahman Sabbagh Tahan Yassin Zidane Aziz Bakr Chami El-Sayed Fakhoury Ghanem
            Hijazi Karam Laham Maalouf Nassar Al-Amiri Shadid""",
    },
    {
        "name": "west_african", "weight": 6, "middle": 0.35, "initial": 0.05,
        "first": """Oluwaseun Ifeoma Chidi Ngozi Adebayo Folasade Emeka Chiamaka Babatunde Nneka
            Olumide Adaeze Tunde Kemi Obinna Yetunde Chinedu Funmilayo Ikenna Abiodun Uchenna Titilayo
            Kwame Ama Kofi Akosua Yaw Abena Kwabena Efua Femi Bisola Segun Ijeoma Nnamdi Temitope""",
        "last": """Okafor Adeyemi Okonkwo Eze Balogun Nwosu Adebayo Obi Olawale Chukwu Afolabi
            Nwachukwu Ogunleye Uzoma Adeleke Onyeka Bankole Ezeh Ogundipe Anyanwu Mensah Boateng
            Asante Owusu Appiah Osei Adjei Darko Agyeman Ofori Olaniyan Akinola Oyelaran Nnadi
            Ekwueme Ibekwe""",
    },
    {
        "name": "south_asian", "weight": 8, "middle": 0.2, "initial": 0.05,
        "first": """Priya Arjun Ananya Rohan Kavya Vikram Deepika Aditya Meera Siddharth Nisha Rahul
            Aarav Ishaan Diya Anika Kiran Sunita Rajesh Lakshmi Sanjay Pooja Amit Divya Harpreet
            Gurpreet Manpreet Jaspreet Farhan Ayesha Imran Sana Zubair Nadia Bilal Tahmina Rizwan
            Shreya Varun Neha Karthik Swati Naveen Anjali Suresh Rekha Vivek Padma""",
        "last": """Sharma Khan Patel Singh Gupta Reddy Iyer Nair Chatterjee Banerjee Mukherjee
            Kapoor Malhotra Mehta Desai Joshi Kulkarni Rao Menon Pillai Bhatt Chopra Sandhu Gill
            Dhillon Grewal Ahmed Hussain Chowdhury Rahman Siddiqui Qureshi Mirza Bose Sen Ghosh
            Das Verma Agarwal Saxena Trivedi Pandey Mishra Srinivasan Krishnan Venkatesh Subramanian""",
    },
    {
        "name": "chinese", "weight": 5, "middle": 0.0, "initial": 0.0,
        "first": """Mei Wei Xiaoling Jiahui Haoran Yuting Zihan Ming Li Na Jun Yan Hui Xin Lei Ting
            Yichen Ruoxi Zhiwei Shuyi Kai Jing Bo Fang Qian Yun Lan Grace Vivian Kevin Jason Eric
            Cindy Jenny Alan Tony Peggy Helen Vincent Winnie Ivy Raymond Stanley Joanne""",
        "last": """Chen Wang Li Zhang Liu Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Lin Luo
            Gao Zheng Liang Xie Song Tang Han Feng Deng Cao Peng Zeng Xiao Tian Dong Pan Yuan Cai
            Jiang Yu Du Ye Cheng Wei Su Lu Ding Ren Shen Yao Lam Wong Chan Leung Cheung Ng Tse""",
    },
    {
        "name": "han", "weight": 2, "middle": 0.0, "initial": 0.0,
        "first": """明华 丽娟 志强 晓燕 建国 秀英 俊杰 雅婷 浩然 思琪 子涵 宇轩 欣怡 梓萱 文博 佳怡
            嘉欣 一鸣 若曦 天佑 静怡 家豪 美玲 国栋 婉清 世杰 雨桐 泽宇 晨曦 慧敏""",
        "last": """王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 林 罗 高 郑 梁 谢 宋 唐 韩 冯 邓
            曹 彭 曾 萧 田 董 潘 袁 蔡 蒋 余 杜 叶 程 魏 苏 吕 丁 任 沈 姚 欧阳 司马 上官""",
    },
    {
        "name": "japanese", "weight": 2, "middle": 0.0, "initial": 0.0,
        "first": """花子 健太 美咲 翔太 陽菜 大輝 結衣 拓海 さくら 蓮 葵 悠真 凛 湊 芽依 陽翔 美月 颯太
            結菜 大和 莉子 悠斗 彩花 陸 七海 蒼 真央 樹 愛子 隆 恵美 浩二 由美 和也 明美 秀樹 直子
            誠 裕子 健一 智子 修 恭子 博之 ゆかり 達也 まゆみ 康介 千尋 亮""",
        "last": """山田 佐藤 鈴木 高橋 田中 伊藤 渡辺 中村 小林 加藤 吉田 山本 松本 井上 木村 林 清水
            山崎 森 池田 橋本 阿部 石川 山下 中島 石井 小川 前田 岡田 長谷川 藤田 後藤 近藤 村上
            遠藤 青木 坂本 斉藤 福田 太田 西村 藤井 金子 岡本 藤原 中野 三浦 原田 松田 竹内""",
    },
    {
        "name": "japanese_latin", "weight": 2, "middle": 0.0, "initial": 0.0,
        "first": """Kenji Haruki Yuki Sora Hana Takumi Aiko Ren Yui Daiki Sakura Kaito Mio Hiroshi Emi
            Shota Nanami Ryota Akari Yuto Misaki Sota Rina Kenta Ayaka Haruto Kaori Yusuke Noriko Taro""",
        "last": """Tanaka Suzuki Takahashi Watanabe Yamamoto Nakamura Kobayashi Yoshida Yamaguchi
            Matsumoto Inoue Kimura Hayashi Shimizu Yamazaki Ikeda Hashimoto Ishikawa Nakajima
            Ogawa Okada Hasegawa Fujita Kondo Murakami Aoki Sakamoto Fukuda Nishimura Miyazaki""",
    },
    {
        "name": "korean", "weight": 2, "middle": 0.0, "initial": 0.0,
        "first": """지민 서연 민준 하은 도윤 수아 예준 지우 시우 서윤 주원 하린 지호 채원 현우 다은 건우
            유진 우진 소율 선우 예린 연우 지안 정우 수빈 승현 민서 태윤 가은""",
        "last": """김 이 박 최 정 강 조 윤 장 임 한 오 서 신 권 황 안 송 류 전 홍 고 문 양 손 배 백
            허 남궁 제갈 황보""",
    },
    {
        "name": "korean_latin", "weight": 2, "middle": 0.0, "initial": 0.0,
        "first": """Ji-min Seo-yeon Min-jun Ha-eun Do-yun Su-ah Ye-jun Ji-woo Seo-yun Joo-won
            Ha-rin Ji-ho Chae-won Hyun-woo Da-eun Geon-woo Yoo-jin Woo-jin So-yul Eun-ji Jae-hyun
            Min-seo Tae-yang Ga-eun Sung-min Hye-jin Dong-hyun Ye-seul""",
        "last": """Kim Lee Park Choi Jung Kang Cho Yoon Jang Lim Han Oh Seo Shin Kwon Hwang Ahn Song
            Ryu Jeon Hong Ko Moon Yang Son Bae Baek Heo Nam Shim""",
    },
    {
        "name": "pacific", "weight": 1, "middle": 0.3, "initial": 0.0,
        "first": """Leilani Kainoa Malia Keoni Noelani Makoa Kailani Ikaika Alana Kekoa Moana Nalu
            Tama Aroha Wiremu Anahera Rangi Mere Tane Hine""",
        "last": """Kahale Kealoha Nakamoto Kahananui Akana Kamakau Mahoe Keawe Palakiko Kalani
            Ngata Parata Te_Awa Tamihana Walker-Te_Ao Horomona Paewai Rewi Tipene Whaanga""",
    },
]
# In the lists above, "_" joins the words of one name ("Ní_Bhriain", "van_der_Meer").
for _culture in CULTURES:
    for _key in ("first", "last"):
        _culture[_key] = [word.replace("_", " ") for word in _culture[_key].split()]


PRONUNCIATIONS = {
    "Siobhán": "shiv-AWN", "Niamh": "NEEV", "Aoife": "EE-fa", "Saoirse": "SEER-sha", "Caoimhe": "KEE-va",
    "Róisín": "roh-SHEEN", "Sinéad": "shin-AID", "Oisín": "osh-EEN", "Tadhg": "TIGE", "Ciarán": "KEER-awn",
    "Gráinne": "GRAW-nya", "Méabh": "MAYV", "Ailbhe": "AL-va", "Éabha": "AY-va", "Darragh": "DA-ra",
    "Joaquín": "hwa-KEEN", "Ximena": "hee-MEH-na", "Íñigo": "EE-nyee-go", "Xiaoling": "shyow-LING",
    "Zihan": "dzuh-HAHN", "Haoran": "how-RAHN", "Oluwaseun": "oh-loo-WAH-shay-oon", "Ifeoma": "ee-FAY-oh-ma",
    "Chiamaka": "chee-AH-ma-ka", "Nneka": "n-NEH-ka", "Małgorzata": "mow-go-ZHAH-ta", "Łukasz": "WOO-kash",
    "Wojciech": "VOY-chekh", "Grzegorz": "GZHEH-gosh", "Przemysław": "psheh-MIS-wahf", "Søren": "SUR-en",
    "Björn": "BYURN", "Sigrid": "SEE-grid", "Ylva": "ILL-va", "Øystein": "OY-stine", "Thijs": "TICE",
    "Gijs": "KHICE", "Joost": "YOAST", "Bérénice": "bay-ray-NEES", "Thibault": "tee-BOH",
    "Mathéo": "mah-TAY-oh", "Maëlle": "mah-EL", "Anaïs": "ah-nah-EES", "Jürgen": "YUR-gen",
    "Gonçalo": "gon-SAH-loo", "Leonor": "leh-oh-NOR", "Kwabena": "kwa-BEH-na", "Akosua": "ah-KOH-sua",
    "Ayşe": "EYE-sheh", "Çağlar": "CHAH-lar", "Kainoa": "kai-NO-ah", "Wiremu": "WI-reh-moo",
}
NICKNAMES = {
    "Margaret": "Peggy", "William": "Bill", "Elizabeth": "Liz", "Katharina": "Kathi", "Alexander": "Sasha",
    "Alessandro": "Sandro", "Francesca": "Fran", "Benjamin": "Ben", "Frederick": "Freddie", "Theodore": "Teddy",
    "Kathleen": "Kath", "Joseph": "Joe", "Samuel": "Sam", "Eleanor": "Nell", "Matilda": "Tilly",
    "Oluwaseun": "Seun", "Folasade": "Sade", "Babatunde": "Tunde", "Chiamaka": "Amaka", "Jędrzej": "Jędrek",
    "Małgorzata": "Gosia", "Maximilian": "Max", "Konstantin": "Kostja", "Anastasia": "Nastya",
    "Guadalupe": "Lupe", "Inmaculada": "Inma", "Montserrat": "Montse", "Santiago": "Santi",
    "Guilherme": "Gui", "Sebastião": "Tião", "Siddharth": "Sid", "Aditya": "Adi", "Nicholas": "Nick",
    "Timothée": "Tim", "Gaspard": "Gaspi", "Jean-Baptiste": "JB", "Pierre-Louis": "PL",
    "Anne-Sophie": "Anso", "Marie-Claire": "Marie", "Rupert": "Roo", "Kwabena": "Kobby",
}

PETS = """Biscuit Mochi Humphrey Pickle Kinako Pretzel Captain Rex Tig Luna Olive Pepper Miso Juniper
    Bramble Nori Waffles Ziggy Hamish Clementine Dumpling Gnocchi Pistachio Sputnik Bisou Fennel Marmite
    Pudding Bean Tofu Wasabi Crumpet Noodle Fudge Toast Sushi Kiwi Mango Poppy Basil Figaro""".split()
SPECIES = ["dog", "dog", "dog", "cat", "cat", "rabbit", "budgie", "guinea pig", "tortoise", "hamster"]
KIDS = """Maya Leo Sora Chidi Noa Lucía Mateo Florence Amir Hana Otto Iris Freya Aarav Zara Elif Noah
    Mila Kofi Ines Theo Yara Kai Ada Luca Esme Omar Nina Felix Rumi Oskar Amara Jude Alba Idris Wren
    Hugo Saanvi Emil Ayla Tomasz Nell Ruby Arlo Zainab Luka Clara Ezra Sienna Jonah Aiko Sami""".split()
TAGS = ["vip", "colour", "cut", "regular", "sensitive-scalp", "bridal", "kids", "new", "lapsed",
        "curly", "extensions", "student", "staff-family", "walk-in", "referral"]
DRINKS = ["Flat white, oat milk", "Earl Grey, no milk", "Sparkling water with lemon", "Green tea",
          "Espresso", "Cortado", "Builder's tea, two sugars", "Peppermint tea", "Hot chocolate",
          "Chai latte", "Americano, splash of milk", "Rooibos", "Still water", "Matcha latte"]
FLOWERS = ["Peonies", "Ranunculus", "Sweet peas", "Tulips", "Jasmine", "Camellias", "Marigolds",
           "Anemones", "Freesias", "Hydrangeas", "Lilies", "Sunflowers", "Dahlias", "Cherry blossom"]
# City, region, postal code, country, phone prefix. The phone's last nine digits are a
# two-digit lead of its own per country and seven digits of the customer's number, so
# no two customers share a number even under Rapport's last-nine-digits comparison.
CITIES = [
    ("London", "", "N1 2NQ", "United Kingdom", "uk"), ("London", "", "E8 3DL", "United Kingdom", "uk"),
    ("London", "", "SW4 7AA", "United Kingdom", "uk"), ("Manchester", "", "M4 1HN", "United Kingdom", "uk"),
    ("Edinburgh", "", "EH8 9YL", "United Kingdom", "uk"), ("Berlin", "", "10119", "Germany", "de"),
    ("München", "", "80331", "Germany", "de"), ("Paris", "", "75009", "France", "fr"),
    ("Lyon", "", "69002", "France", "fr"), ("Brooklyn", "NY", "11238", "United States", "us"),
    ("Chicago", "IL", "60614", "United States", "us"), ("渋谷区", "東京都", "150-0001", "Japan", "jp"),
]
STREETS = {
    "uk": ["Example Road", "Canonbury Place", "Mildmay Grove", "Mare Street", "Clapham High Street",
           "Thomas Street", "Marchmont Road", "Albion Terrace"],
    "de": ["Kastanienallee", "Schönhauser Allee", "Bergmannstraße", "Leopoldstraße", "Lindenstraße"],
    "fr": ["rue des Martyrs", "rue de la République", "boulevard Voltaire", "rue Mercière"],
    "us": ["Prospect Place", "Vanderbilt Avenue", "North Halsted Street", "Clinton Avenue"],
    "jp": ["神宮前1丁目", "渋谷2丁目", "代々木3丁目"],
}
SERVICES = ["Cut and blow-dry", "Full head colour", "Balayage", "Kids' cut", "Gloss and trim",
            "Root touch-up", "Keratin treatment", "Curly cut", "Bridal trial", "Fringe trim",
            "Highlights", "Scalp treatment", "Updo", "Beard trim", "Toner refresh"]
STAFF = ["Camille", "Priya", "Tomás", "Ngozi", "Henrik", "Mei"]

# Sentence parts for notes: enough variety to read like staff notes and to give cmark
# ordinary paragraphs, emphasis and the odd link.
OPENERS = ["Always", "Usually", "Today", "Last time", "Mentioned that", "Said", "Prefers", "Hates it when",
           "Loves it when", "Asked whether", "Was thrilled that", "Reminded us that", "Worried that",
           "Told Camille that", "Laughed that", "Would like", "Is thinking that"]
MIDDLES = ["the colour", "the fringe", "the new job", "the wedding", "the holiday", "the garden",
           "the puppy", "the marathon training", "the book group", "the move to a new flat",
           "the grandchildren", "the allotment", "the choir concert", "the kitchen renovation",
           "the trip to Lisbon", "the new baby", "the exam results", "the layers", "the toner",
           "the roots", "the curls", "the highlights", "the commute", "the night shifts",
           "the sourdough starter", "the half-term plans", "the cycling club", "the dance recital"]
ENDINGS = ["went better than expected", "is taking longer than planned", "should be kept low-key",
           "needs a cooler tone next time", "was the talk of the office", "is booked for the spring",
           "came up twice during the appointment", "matters a great deal to them",
           "is best not mentioned unless they bring it up", "looked lovely in the photos",
           "wants a little more volume at the crown", "should stay just below the shoulder",
           "was a surprise for the whole family", "is going to plan so far",
           "needs checking with the patch test first", "kept them up all week"]
EMPHASIS = ["**patch test**", "**no ammonia**", "**cool tones only**", "**45 minutes max**",
            "**quiet appointment**", "*loves a chat*", "*running late is normal*", "**allergic to lavender**"]


def sentence(rng):
    text = f"{rng.choice(OPENERS)} {rng.choice(MIDDLES)} {rng.choice(ENDINGS)}"
    roll = rng.random()
    if roll < 0.12:
        text += f", {rng.choice(EMPHASIS)}"
    elif roll < 0.15:
        text += f" (see [the colour chart](https://example.com/colours/{rng.randint(1, 99)}))"
    return text + "."


def paragraph(rng, sentences):
    return " ".join(sentence(rng) for _ in range(sentences))


def day(rng, start_year=2024, end_year=2026):
    return f"{rng.randint(start_year, end_year)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def iso(day_number):
    return date.fromordinal(day_number).isoformat()


TODAY = date.fromisoformat("2026-11-22").toordinal()  # the day scripts/benchmark builds for


def csv_field(value):
    if any(c in value for c in ',"\n\r'):
        return '"' + value.replace('"', '""') + '"'
    return value


# ------------------------------------------------------------ duplicate-free names

def is_east_asian(text):
    return all(0x3040 <= ord(c) <= 0x30FF or 0x3400 <= ord(c) <= 0x4DBF or 0x4E00 <= ord(c) <= 0x9FFF
               or 0xAC00 <= ord(c) <= 0xD7AF or 0xF900 <= ord(c) <= 0xFAFF or 0x20000 <= ord(c) <= 0x2FA1F
               for c in text)


def full_name(first, last):
    """As Rapport's CustomerRecord.fullName: Han, kana and Hangul names family name first."""
    if not first or not last:
        return first + last
    if is_east_asian(first) and is_east_asian(last):
        return last + first
    return f"{first} {last}"


FOLD_EXTRA = str.maketrans({"ø": "o", "ł": "l", "đ": "d", "ħ": "h", "ı": "i", "æ": "ae", "œ": "oe", "þ": "th"})


def fold(text):
    """As Rapport's DataQuality.fold: letters and digits only, case and accents removed.
    NFC again after dropping marks, so Hangul syllables stay one letter each."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))
    return "".join(c for c in bare.casefold().translate(FOLD_EXTRA) if c.isalpha() or c.isdigit())


class NameRegistry:
    """Accepts a name only when Rapport would not pair it with an earlier one as the same
    or a near-identical name (one letter added, removed or changed). Rapport compares
    names within blocks of the same surname start; this checks across all names, so it
    is stricter. One-letter neighbours are found through their one-letter deletions."""

    def __init__(self):
        self.names = set()
        self.deletions = set()

    def accept(self, first, last):
        name = fold(full_name(first, last))
        if len(name) < 4:
            return True  # Rapport does not compare names this short.
        if name in self.names:
            return False
        deletions = {name[:i] + name[i + 1:] for i in range(len(name))} if len(name) >= 5 else set()
        if len(name) >= 5:
            if name in self.deletions or any(d in self.names or d in self.deletions for d in deletions):
                return False
        self.names.add(name)
        self.deletions.update(deletions)
        return True


def pick_name(rng, culture):
    first = rng.choice(culture["first"])
    if rng.random() < culture.get("middle", 0):
        second = rng.choice(culture["first"])
        if second != first:
            first = f"{first} {second}"
    elif rng.random() < culture.get("initial", 0):
        first = f"{first} {rng.choice('ABCDEFGHJKLMNPRSTW')}."
    last = rng.choice(culture["last"])
    if rng.random() < culture.get("two_surnames", 0):
        other = rng.choice(culture["last"])
        if other != last:
            last = f"{last} {other}"
    elif rng.random() < culture.get("hyphen", 0):
        other = rng.choice(culture["last"])
        if other != last:
            last = f"{last}-{other}"
    return first, last


def names(rng, count):
    registry = NameRegistry()
    weights = [culture["weight"] for culture in CULTURES]
    for n in range(count):
        for _ in range(200):
            culture = rng.choices(CULTURES, weights)[0]
            first, last = pick_name(rng, culture)
            if registry.accept(first, last):
                break
        else:
            raise SystemExit(f"make-corpus: ran out of distinct names after {n} customers")
        yield culture, first, last


# ------------------------------------------------------------------------- letters

LETTERS = [
    ("thank-you", """---
title: Thank you
kind: letter
---
Thank you for coming in to see us at {{business_name}}. It was lovely to have you in the chair, and we hope you've been enjoying your hair ever since.

A salon is really only as good as the people who walk through its door, and we feel lucky that you're one of ours. Next time you visit, your {{favorite_drink}} will be waiting before you've taken your coat off, and we'll do our best to have some {{favorite_flower}} on the front desk.

{{#children}}A special hello to {{name}} from all of us. {{/children}}{{#pets}}And our love to {{name}} the {{species}}. {{/pets}}

If anything about your cut or colour doesn't feel quite right once you've lived with it for a few days, please ring or pop in. We'll always make it right, with no charge and no fuss.
"""),
    ("come-back", """---
title: We've missed you
kind: letter
---
It's been a little while since we last saw you at {{business_name}}, and we wanted to say that we've missed you. The kettle is still on, and we haven't forgotten how you like your {{favorite_drink}}.

Whenever you'd like to come back, your next fringe trim or a conditioning treatment is on us, as a small welcome home. Just mention **{{offer_code}}** when you book.

{{#children}}We'd love to hear how {{name}} is getting on. {{/children}}{{#pets}}Do bring photos of {{name}}, too. {{/pets}}{{^pets}}Do bring all the news we've missed. {{/pets}}
"""),
    ("birthday", """---
title: Happy birthday
kind: card
for: birthdays:30
greeting: Dear
closing: With love from all of us,
---
Happy birthday from everyone at {{business_name}}!

We hope the day is full of good things{{#children}}, and that {{name}} helps you celebrate{{/children}}.
{{#pets}}Save a slice of cake for {{name}}. {{/pets}}

Come in for a birthday blow-dry on us any time this month: just mention **{{offer_code}}** when you book.
{{#next_appointment}}

See you on {{date}}{{#time}} at {{time}}{{/time}}!
{{/next_appointment}}
"""),
]


# ---------------------------------------------------------------------------- notes

MAX_NOTE_BYTES = 3000


def note_text(rng, cid, display, kids, pets, visit_dates):
    size = rng.randint(1000, 3000)
    parts = [f"---\ncustomer: {cid}\n"]
    if rng.random() < 0.04:
        parts.append(f"follow_up: {iso(TODAY + rng.randint(-10, 20))} — ring to check how the colour has settled\n")
    parts.append("---\n")
    parts.append(f"Goes by {display}. {paragraph(rng, 2)}\n")
    if kids or pets:
        family = [name for name, _ in kids] + [name for name, _ in pets]
        parts.append(f"\nAlways ask after {' and '.join(family)}. {paragraph(rng, 1)}\n")
    for _ in range(rng.randint(0, 2)):
        parts.append(f"\n{paragraph(rng, rng.randint(2, 4))}\n")
    parts.append("\nAsk about:\n")
    for topic in rng.sample(MIDDLES, rng.randint(1, 4)):
        until = f" (until {iso(TODAY + rng.randint(-20, 60))})" if rng.random() < 0.2 else ""
        parts.append(f"- {topic.capitalize()}{until}\n")
    if rng.random() < 0.05:
        parts.append(f"\nFollow up:\n- {iso(TODAY + rng.randint(-14, 30))} — ring about {rng.choice(MIDDLES)}\n")
    if rng.random() < 0.03:
        parts.append("\nMake it right:\n")
        parts.append(f"- {rng.choice(MIDDLES).capitalize()} {rng.choice(ENDINGS)}: offer a free gloss next time\n")
        if rng.random() < 0.5:
            parts.append(f"- [x] Redid {rng.choice(MIDDLES)} free on {iso(TODAY - rng.randint(20, 90))}\n")
    length = sum(len(p.encode()) for p in parts)
    for count, visit in enumerate(visit_dates):
        section = f"\n## {iso(visit)} — {rng.choice(SERVICES).lower()}\n{paragraph(rng, rng.randint(1, 3))}\n"
        if count >= 2 and (length >= size or length + len(section.encode()) > MAX_NOTE_BYTES):
            break
        parts.append(section)
        length += len(section.encode())
    return "".join(parts)


def visit_dates(rng):
    """Distinct visit days, newest first, before today: most customers were in within three months."""
    newest = TODAY - (rng.randint(1, 90) if rng.random() < 0.7 else rng.randint(91, 1100))
    dates = [newest]
    for _ in range(rng.randint(7, 16)):
        dates.append(dates[-1] - rng.randint(21, 120))
    return dates


# --------------------------------------------------------------------------- main

def email_local(first, last):
    def ascii_part(text):
        bare = unicodedata.normalize("NFKD", text.translate(FOLD_EXTRA))
        return "".join(c for c in bare.lower() if c.isascii() and c.isalnum())
    given, family = ascii_part(first.split()[0]), ascii_part(last)
    return f"{given}.{family}" if given and family else "customer"


def phone(kind, n):
    digits = f"{n:07d}"
    return {
        "uk": f"+44 20 7{digits[:3]} {digits[3:]}",
        "de": f"+49 30 5{digits}",
        "fr": f"+33 1 4{digits[0]} {digits[1:3]} {digits[3:5]} {digits[5:]}",
        "us": f"+1 718 {digits[:3]} {digits[3:]}",
        "jp": f"+81 3 5{digits[:3]} {digits[3:]}",
    }[kind]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("count", type=int)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--letters", type=int, default=1, choices=range(0, len(LETTERS) + 1),
                        help="how many letters: 1 thank-you, 2 adds come-back, 3 adds birthday (default 1)")
    args = parser.parse_args()
    if not 0 < args.count < 10_000_000:
        parser.error("N must be between 1 and 9,999,999")
    rng = random.Random(args.seed)
    os.makedirs(os.path.join(args.out, "content", "notes"), exist_ok=True)
    os.makedirs(os.path.join(args.out, "content", "letters"), exist_ok=True)

    with open(os.path.join(args.out, "rapport.yml"), "w", encoding="utf-8") as f:
        f.write("business:\n  name: Benchmark Salon\n  address: [1 High Street, London N1 1AA, United Kingdom]\n"
                "signature: The Benchmark team\nlocale: en_GB\npaper: A4\noutput: _site\n")

    header = ("id,first_name,last_name,preferred_name,pronunciation,email,phone,birthday,anniversary,"
              "customer_since,last_visit,visits,favorite_drink,favorite_flower,tags,address_line1,"
              "address_line2,city,region,postal_code,country,children,pets")
    rows = [header]
    ids = []
    notes_dir = os.path.join(args.out, "content", "notes")
    for n, (culture, first, last) in enumerate(names(rng, args.count), start=1):
        cid = f"C-{n:06d}"
        ids.append(cid)
        city, region, postcode, country, kind = rng.choice(CITIES)
        kids = [(rng.choice(KIDS), str(rng.randint(1, 16))) for _ in range(rng.choices([0, 1, 2, 3], [50, 25, 20, 5])[0])]
        pets = [(rng.choice(PETS), rng.choice(SPECIES)) for _ in range(rng.choices([0, 1, 2], [55, 35, 10])[0])]
        kids = list(dict(kids).items())  # one child per name
        pets = list(dict(pets).items())
        given = first.split()[0]
        preferred = NICKNAMES.get(given, "") if rng.random() < 0.6 else ""
        if not preferred and " " in first and rng.random() < 0.6:  # "Ana María" who goes by Ana
            preferred = given
        pronunciation = PRONUNCIATIONS.get(given, "") if rng.random() < 0.7 else ""
        birthday = day(rng, 1940, 2008) if rng.random() < 0.8 else f"--{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        if rng.random() < 0.08:
            birthday = ""
        visits = visit_dates(rng)
        since = iso(visits[-1] - rng.randint(0, 400))
        address2 = f"Flat {rng.randint(1, 40)}" if kind == "uk" and rng.random() < 0.3 else ""
        number, street = rng.randint(1, 200), rng.choice(STREETS[kind])
        street = f"{street} {number}" if kind == "de" else f"{number} {street}"
        fields = [cid, first, last, preferred, pronunciation,
                  f"{email_local(first, last)}.{n}@example.{rng.choice(['com', 'org', 'net'])}", phone(kind, n),
                  birthday, day(rng, 1975, 2024) if rng.random() < 0.3 else "", since, iso(visits[0]),
                  str(len(visits) + rng.randint(0, 60)), rng.choice(DRINKS), rng.choice(FLOWERS),
                  ";".join(sorted(set(rng.sample(TAGS, rng.choices([0, 1, 2, 3], [20, 40, 30, 10])[0])))),
                  street, address2, city, region, postcode, country,
                  ";".join(f"{name} ({age})" for name, age in kids),
                  ";".join(f"{name} ({species})" for name, species in pets)]
        rows.append(",".join(csv_field(value) for value in fields))
        display = preferred or given
        with open(os.path.join(notes_dir, f"{cid}.md"), "w", encoding="utf-8") as f:
            f.write(note_text(rng, cid, display, kids, pets, visits))

    with open(os.path.join(args.out, "content", "customers.csv"), "w", encoding="utf-8") as f:
        f.write("\n".join(rows) + "\n")

    # About one customer in twenty is booked in the coming week; one appointment each.
    schedule = ["date,time,customer_id,service,staff"]
    booked = rng.sample(ids, min(len(ids), max(1, len(ids) // 20)))
    appointments = sorted(
        (iso(TODAY + rng.randint(0, 8)), f"{rng.randint(9, 17):02d}:{rng.choice(['00', '15', '30', '45'])}", cid,
         rng.choice(SERVICES), rng.choice(STAFF))
        for cid in booked)
    for appointment in appointments:
        schedule.append(",".join(csv_field(value) for value in appointment))
    with open(os.path.join(args.out, "content", "schedule.csv"), "w", encoding="utf-8") as f:
        f.write("\n".join(schedule) + "\n")

    letters_dir = os.path.join(args.out, "content", "letters")
    for name in os.listdir(letters_dir):  # a rerun with fewer letters leaves none behind
        if name.endswith(".md"):
            os.remove(os.path.join(letters_dir, name))
    for name, text in LETTERS[:args.letters]:
        with open(os.path.join(letters_dir, f"{name}.md"), "w", encoding="utf-8") as f:
            f.write(text)


if __name__ == "__main__":
    main()
