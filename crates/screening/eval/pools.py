"""Name pools for the evaluation set: (Latin form, native script or None, [other spellings])."""

RU_GIVEN_M = [
    ("Aleksandr", "Александр", ["Alexander", "Aleksander"]), ("Sergei", "Сергей", ["Sergey", "Serguei"]),
    ("Dmitry", "Дмитрий", ["Dmitri", "Dmitriy"]), ("Andrei", "Андрей", ["Andrey"]),
    ("Alexei", "Алексей", ["Aleksey", "Alexey"]), ("Vladimir", "Владимир", []),
    ("Mikhail", "Михаил", ["Mikhael"]), ("Nikolai", "Николай", ["Nikolay"]),
    ("Yevgeny", "Евгений", ["Evgeny", "Evgeniy"]), ("Igor", "Игорь", []), ("Oleg", "Олег", []),
    ("Yuri", "Юрий", ["Yury", "Iurii"]), ("Pavel", "Павел", []), ("Viktor", "Виктор", ["Victor"]),
    ("Ivan", "Иван", []), ("Boris", "Борис", []), ("Konstantin", "Константин", ["Constantin"]),
    ("Anatoly", "Анатолий", ["Anatoliy"]), ("Gennady", "Геннадий", ["Gennadiy"]),
    ("Vyacheslav", "Вячеслав", ["Viacheslav"]), ("Arkady", "Аркадий", ["Arkadiy"]),
    ("Roman", "Роман", []), ("Maksim", "Максим", ["Maxim"]), ("Timur", "Тимур", []),
    ("Ruslan", "Руслан", []), ("Grigory", "Григорий", ["Grigoriy"]), ("Leonid", "Леонид", []),
    ("Stanislav", "Станислав", []), ("Valery", "Валерий", ["Valeriy"]), ("Denis", "Денис", []),
]
RU_GIVEN_F = [
    ("Olga", "Ольга", []), ("Yelena", "Елена", ["Elena"]), ("Tatyana", "Татьяна", ["Tatiana"]),
    ("Natalya", "Наталья", ["Natalia"]), ("Irina", "Ирина", []), ("Svetlana", "Светлана", []),
    ("Yulia", "Юлия", ["Yuliya"]), ("Maria", "Мария", ["Mariya"]), ("Anna", "Анна", []),
    ("Ekaterina", "Екатерина", ["Yekaterina"]), ("Lyudmila", "Людмила", ["Ludmila"]),
    ("Valentina", "Валентина", []), ("Galina", "Галина", []), ("Marina", "Марина", []),
]
RU_PATRONYMIC = [
    ("Vladimirovich", "Владимирович"), ("Sergeyevich", "Сергеевич"), ("Viktorovich", "Викторович"),
    ("Ivanovich", "Иванович"), ("Petrovich", "Петрович"), ("Nikolayevich", "Николаевич"),
    ("Aleksandrovich", "Александрович"), ("Mikhailovich", "Михайлович"), ("Yuryevich", "Юрьевич"),
    ("Borisovich", "Борисович"), ("Igorevich", "Игоревич"), ("Olegovich", "Олегович"),
    ("Pavlovich", "Павлович"), ("Anatolyevich", "Анатольевич"), ("Gennadyevich", "Геннадьевич"),
    ("Romanovich", "Романович"), ("Dmitriyevich", "Дмитриевич"), ("Andreyevich", "Андреевич"),
    ("Alekseyevich", "Алексеевич"), ("Grigoryevich", "Григорьевич"), ("Leonidovich", "Леонидович"),
]
RU_FAMILY = [
    ("Ivanov", "Иванов", []), ("Smirnov", "Смирнов", []), ("Kuznetsov", "Кузнецов", ["Kouznetsov"]),
    ("Popov", "Попов", []), ("Vasiliev", "Васильев", ["Vasilyev", "Vasilev"]), ("Petrov", "Петров", []),
    ("Sokolov", "Соколов", []), ("Mikhailov", "Михайлов", ["Mikhaylov"]), ("Novikov", "Новиков", []),
    ("Fedorov", "Фёдоров", ["Fyodorov"]), ("Morozov", "Морозов", []), ("Volkov", "Волков", []),
    ("Alekseev", "Алексеев", ["Alekseyev"]), ("Lebedev", "Лебедев", []), ("Semenov", "Семёнов", ["Semyonov"]),
    ("Egorov", "Егоров", ["Yegorov"]), ("Pavlov", "Павлов", []), ("Kozlov", "Козлов", []),
    ("Stepanov", "Степанов", []), ("Nikolaev", "Николаев", ["Nikolayev"]), ("Orlov", "Орлов", []),
    ("Andreev", "Андреев", ["Andreyev"]), ("Makarov", "Макаров", []), ("Nikitin", "Никитин", []),
    ("Zakharov", "Захаров", ["Zaharov"]), ("Zaitsev", "Зайцев", ["Zaytsev"]), ("Solovyov", "Соловьёв", ["Soloviev"]),
    ("Borisov", "Борисов", []), ("Yakovlev", "Яковлев", ["Iakovlev"]), ("Grigoriev", "Григорьев", ["Grigoryev"]),
    ("Romanov", "Романов", []), ("Vorobyov", "Воробьёв", ["Vorobiev"]), ("Sergeev", "Сергеев", ["Sergeyev"]),
    ("Kuzmin", "Кузьмин", []), ("Frolov", "Фролов", []), ("Aleksandrov", "Александров", ["Alexandrov"]),
    ("Dmitriev", "Дмитриев", ["Dmitriyev"]), ("Korolev", "Королёв", ["Korolyov"]), ("Gusev", "Гусев", []),
    ("Kiselev", "Киселёв", ["Kiselyov"]), ("Ilyin", "Ильин", ["Ilin"]), ("Maksimov", "Максимов", ["Maximov"]),
    ("Polyakov", "Поляков", ["Poliakov"]), ("Sorokin", "Сорокин", []), ("Vinogradov", "Виноградов", []),
    ("Kovalev", "Ковалёв", ["Kovalyov"]), ("Belov", "Белов", []), ("Medvedev", "Медведев", []),
    ("Antonov", "Антонов", []), ("Tarasov", "Тарасов", []), ("Zhukov", "Жуков", []), ("Baranov", "Баранов", []),
    ("Filippov", "Филиппов", ["Filipov"]), ("Komarov", "Комаров", []), ("Davydov", "Давыдов", ["Davidov"]),
    ("Gerasimov", "Герасимов", []), ("Bogdanov", "Богданов", []), ("Osipov", "Осипов", []),
    ("Sidorov", "Сидоров", []), ("Matveev", "Матвеев", ["Matveyev"]), ("Titov", "Титов", []),
    ("Mironov", "Миронов", []), ("Krylov", "Крылов", []), ("Kulikov", "Куликов", []), ("Karpov", "Карпов", []),
    ("Vlasov", "Власов", []), ("Melnikov", "Мельников", []), ("Denisov", "Денисов", []),
    ("Tikhonov", "Тихонов", ["Tihonov"]), ("Kazakov", "Казаков", []), ("Danilov", "Данилов", []),
    ("Chernov", "Чернов", []), ("Abramov", "Абрамов", []), ("Shcherbakov", "Щербаков", ["Scherbakov"]),
    ("Nazarov", "Назаров", []), ("Kalinin", "Калинин", []), ("Bykov", "Быков", []), ("Maslov", "Маслов", []),
    ("Rodionov", "Родионов", []), ("Konovalov", "Коновалов", []), ("Lazarev", "Лазарев", []),
    ("Voronin", "Воронин", []), ("Klimov", "Климов", []), ("Filatov", "Филатов", []),
    ("Ponomarev", "Пономарёв", ["Ponomaryov"]), ("Golubev", "Голубев", []), ("Kudryavtsev", "Кудрявцев", []),
    ("Prokhorov", "Прохоров", ["Prohorov"]), ("Naumov", "Наумов", []), ("Potapov", "Потапов", []),
    ("Zhuravlev", "Журавлёв", ["Zhuravlyov"]), ("Ovchinnikov", "Овчинников", []), ("Trofimov", "Трофимов", []),
    ("Leonov", "Леонов", []), ("Sobolev", "Соболев", []), ("Ermakov", "Ермаков", ["Yermakov"]),
    ("Kolesnikov", "Колесников", []), ("Goncharov", "Гончаров", []), ("Emelyanov", "Емельянов", ["Yemelyanov"]),
    ("Nikiforov", "Никифоров", []), ("Grachev", "Грачёв", ["Grachyov"]), ("Kotov", "Котов", []),
    ("Grishin", "Гришин", []), ("Arkhipov", "Архипов", ["Arhipov"]), ("Gromov", "Громов", []),
    ("Kirillov", "Кириллов", ["Kirilov"]), ("Malyshev", "Малышев", ["Malishev"]), ("Panov", "Панов", []),
    ("Rumyantsev", "Румянцев", ["Rumiantsev"]), ("Biryukov", "Бирюков", ["Biriukov"]),
    ("Gorbunov", "Горбунов", []), ("Tikhomirov", "Тихомиров", []), ("Galkin", "Галкин", []),
    ("Lukyanov", "Лукьянов", ["Lukianov"]), ("Skvortsov", "Скворцов", []), ("Yudin", "Юдин", ["Iudin"]),
    ("Belousov", "Белоусов", []), ("Nesterov", "Нестеров", []), ("Kharitonov", "Харитонов", ["Haritonov"]),
    ("Knyazev", "Князев", ["Kniazev"]), ("Tsvetkov", "Цветков", ["Zvetkov"]), ("Levin", "Левин", []),
    ("Loginov", "Логинов", []), ("Gorshkov", "Горшков", []), ("Krasnov", "Краснов", []), ("Demidov", "Демидов", []),
    ("Rybakov", "Рыбаков", ["Ribakov"]), ("Plotnikov", "Плотников", []), ("Khokhlov", "Хохлов", ["Hohlov"]),
    ("Molchanov", "Молчанов", []), ("Litvinov", "Литвинов", []), ("Ushakov", "Ушаков", []),
    ("Kalashnikov", "Калашников", []), ("Lobanov", "Лобанов", []), ("Borodin", "Бородин", []),
    ("Nekrasov", "Некрасов", []), ("Bobrov", "Бобров", []), ("Zhdanov", "Жданов", []),
    ("Drozdov", "Дроздов", []), ("Lavrentyev", "Лаврентьев", ["Lavrentiev"]), ("Zuev", "Зуев", ["Zuyev"]),
    ("Ustinov", "Устинов", []), ("Samoilov", "Самойлов", ["Samoylov"]), ("Sazonov", "Сазонов", []),
]

AR_GIVEN_M = [
    ("Mohammed", "محمد", ["Muhammad", "Mohamed", "Mohammad"]), ("Ahmed", "أحمد", ["Ahmad"]),
    ("Ali", "علي", []), ("Omar", "عمر", ["Umar"]), ("Khalid", "خالد", ["Khaled"]), ("Hassan", "حسن", ["Hasan"]),
    ("Hussein", "حسين", ["Husayn", "Hussain"]), ("Abdullah", "عبدالله", ["Abdallah"]),
    ("Youssef", "يوسف", ["Yusuf", "Yousef"]), ("Ibrahim", "إبراهيم", ["Ebrahim"]),
    ("Mahmoud", "محمود", ["Mahmud"]), ("Mustafa", "مصطفى", ["Mostafa"]), ("Tariq", "طارق", ["Tarek"]),
    ("Saeed", "سعيد", ["Said"]), ("Walid", "وليد", ["Waleed"]), ("Hamza", "حمزة", ["Hamzah"]),
    ("Jamal", "جمال", []), ("Karim", "كريم", ["Kareem"]), ("Faisal", "فيصل", ["Faysal"]),
    ("Nasser", "ناصر", ["Nasir"]), ("Samir", "سمير", ["Sameer"]), ("Adel", "عادل", ["Adil"]),
    ("Osama", "أسامة", ["Usama"]), ("Bilal", "بلال", []), ("Ziad", "زياد", ["Ziyad"]),
    ("Abdulaziz", "عبدالعزيز", ["Abdul Aziz"]), ("Abdulrahman", "عبدالرحمن", ["Abdul Rahman", "Abdelrahman"]),
    ("Sulaiman", "سليمان", ["Suleiman", "Sulayman"]), ("Majed", "ماجد", ["Majid"]), ("Fahd", "فهد", ["Fahad"]),
]
AR_GIVEN_F = [
    ("Fatima", "فاطمة", ["Fatma"]), ("Aisha", "عائشة", ["Aysha"]), ("Maryam", "مريم", ["Mariam"]),
    ("Layla", "ليلى", ["Leila"]), ("Zainab", "زينب", ["Zaynab"]), ("Khadija", "خديجة", ["Khadijah"]),
    ("Noor", "نور", ["Nour"]), ("Huda", "هدى", ["Houda"]), ("Amina", "أمينة", ["Aminah"]),
]
AR_FAMILY = [
    ("Al-Rashid", "الرشيد", ["Al Rasheed", "Rashid"]), ("Al-Masri", "المصري", ["El-Masry"]),
    ("Haddad", "حداد", []), ("Khoury", "خوري", ["Khouri"]), ("Al-Tamimi", "التميمي", ["Tamimi"]),
    ("Al-Qahtani", "القحطاني", ["Al-Kahtani"]), ("Al-Zahrani", "الزهراني", []), ("Al-Ghamdi", "الغامدي", []),
    ("Al-Harbi", "الحربي", []), ("Al-Otaibi", "العتيبي", ["Al-Oteibi"]), ("Al-Dosari", "الدوسري", ["Al-Dossary"]),
    ("Al-Shammari", "الشمري", ["Al-Shamari"]), ("Al-Mutairi", "المطيري", []), ("Al-Anazi", "العنزي", ["Al-Enazi"]),
    ("Nasrallah", "نصرالله", ["Nasrullah"]), ("Barakat", "بركات", []), ("Mansour", "منصور", ["Mansur"]),
    ("Hamdan", "حمدان", []), ("Darwish", "درويش", ["Darwich"]), ("Saleh", "صالح", ["Salih"]),
    ("Qasim", "قاسم", ["Kassem", "Qassem"]), ("Abbas", "عباس", []), ("Jaber", "جابر", ["Jabir"]),
    ("Khalil", "خليل", []), ("Younis", "يونس", ["Yunus"]), ("Ghanem", "غانم", ["Ghanim"]),
    ("Sabbagh", "صباغ", []), ("Azzam", "عزام", []), ("Shalabi", "شلبي", ["Chalabi"]),
    ("Zaidan", "زيدان", ["Zeidan"]), ("Kanaan", "كنعان", []), ("Awad", "عوض", []), ("Hijazi", "حجازي", ["Hegazy"]),
    ("Bakri", "بكري", []), ("Tawil", "طويل", []), ("Nassar", "نصار", []), ("Al-Baghdadi", "البغدادي", ["Baghdadi"]),
    ("Al-Hashimi", "الهاشمي", ["Al-Hashemi"]), ("Al-Jabouri", "الجبوري", ["Al-Jubouri"]), ("Al-Obeidi", "العبيدي", ["Al-Ubaydi"]),
    ("Al-Dulaimi", "الدليمي", ["Al-Dulaymi"]), ("Al-Hakim", "الحكيم", []), ("Al-Sharif", "الشريف", ["El-Sherif"]),
    ("Al-Najjar", "النجار", ["Al-Naggar"]), ("Al-Attar", "العطار", []), ("Al-Khatib", "الخطيب", ["El-Khatib"]),
]
FA_GIVEN_M = [
    ("Hossein", "حسین", ["Hosein"]), ("Reza", "رضا", []), ("Mehdi", "مهدی", ["Mahdi"]), ("Mohsen", "محسن", ["Muhsin"]),
    ("Hamid", "حمید", []), ("Majid", "مجید", ["Madjid"]), ("Javad", "جواد", ["Jawad"]), ("Qasem", "قاسم", ["Ghasem"]),
    ("Mojtaba", "مجتبی", []), ("Farhad", "فرهاد", []), ("Dariush", "داریوش", ["Daryoush"]), ("Behrouz", "بهروز", ["Behruz"]),
    ("Amir", "امیر", []), ("Masoud", "مسعود", ["Massoud"]), ("Morteza", "مرتضی", []), ("Gholamreza", "غلامرضا", ["Gholam Reza"]),
]
FA_GIVEN_F = [("Parisa", "پریسا", []), ("Shirin", "شیرین", []), ("Nasrin", "نسرین", []), ("Azadeh", "آزاده", ["Azade"])]
FA_FAMILY = [
    ("Karimi", "کریمی", []), ("Hosseini", "حسینی", ["Husseini"]), ("Rezaei", "رضایی", ["Rezaie"]),
    ("Mohammadi", "محمدی", ["Mohamadi"]), ("Ahmadi", "احمدی", []), ("Jafari", "جعفری", ["Jaafari"]),
    ("Rahimi", "رحیمی", []), ("Moradi", "مرادی", []), ("Kazemi", "کاظمی", ["Kazimi"]),
    ("Ghorbani", "قربانی", ["Qorbani"]), ("Soleimani", "سلیمانی", ["Suleimani"]), ("Sadeghi", "صادقی", ["Sadeqi"]),
    ("Heidari", "حیدری", ["Haidari"]), ("Rostami", "رستمی", []), ("Najafi", "نجفی", []), ("Tehrani", "تهرانی", []),
    ("Shirazi", "شیرازی", []), ("Esfahani", "اصفهانی", ["Isfahani"]), ("Larijani", "لاریجانی", []),
    ("Velayati", "ولایتی", []), ("Bagheri", "باقری", ["Baqeri"]), ("Mousavi", "موسوی", ["Musavi"]),
    ("Ebrahimi", "ابراهیمی", ["Ibrahimi"]), ("Salehi", "صالحی", []), ("Zarei", "زارعی", ["Zareie"]),
]

GR_GIVEN_M = [
    ("Georgios", "Γεώργιος", ["Yiorgos"]), ("Konstantinos", "Κωνσταντίνος", ["Constantinos"]),
    ("Dimitrios", "Δημήτριος", ["Demetrios"]), ("Ioannis", "Ιωάννης", []), ("Nikolaos", "Νικόλαος", []),
    ("Panagiotis", "Παναγιώτης", []), ("Christos", "Χρήστος", ["Hristos"]), ("Vasileios", "Βασίλειος", ["Vasilios"]),
    ("Athanasios", "Αθανάσιος", []), ("Evangelos", "Ευάγγελος", ["Evaggelos"]), ("Spyridon", "Σπυρίδων", ["Spiridon"]),
]
GR_GIVEN_F = [
    ("Maria", "Μαρία", []), ("Eleni", "Ελένη", []), ("Aikaterini", "Αικατερίνη", ["Ekaterini"]),
    ("Sofia", "Σοφία", ["Sophia"]), ("Anastasia", "Αναστασία", []), ("Dimitra", "Δήμητρα", []),
]
GR_FAMILY = [
    ("Papadopoulos", "Παπαδόπουλος", []), ("Papadakis", "Παπαδάκης", []), ("Georgiou", "Γεωργίου", []),
    ("Nikolaidis", "Νικολαΐδης", ["Nikolaides"]), ("Oikonomou", "Οικονόμου", ["Economou"]),
    ("Karagiannis", "Καραγιάννης", ["Karayannis"]), ("Vlachos", "Βλάχος", ["Vlahos"]), ("Makris", "Μακρής", []),
    ("Dimitriou", "Δημητρίου", []), ("Pappas", "Παππάς", []), ("Konstantinidis", "Κωνσταντινίδης", []),
    ("Antoniou", "Αντωνίου", []), ("Ioannou", "Ιωάννου", []), ("Christodoulou", "Χριστοδούλου", ["Hristodoulou"]),
    ("Angelopoulos", "Αγγελόπουλος", []), ("Theodorou", "Θεοδώρου", []), ("Alexiou", "Αλεξίου", []),
    ("Kyriakou", "Κυριάκου", ["Kiriakou"]), ("Mavridis", "Μαυρίδης", []), ("Panagiotopoulos", "Παναγιωτόπουλος", []),
    ("Stavrou", "Σταύρου", []), ("Michailidis", "Μιχαηλίδης", ["Michaelides"]), ("Athanasiou", "Αθανασίου", []),
]

CN_FAMILY = ["Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun", "Ma",
             "Zhu", "Hu", "Guo", "He", "Lin", "Gao", "Luo", "Zheng", "Liang", "Xie", "Song", "Tang", "Han",
             "Feng", "Deng", "Cao", "Peng"]
CN_SYLLABLES = ["Wei", "Jian", "Hong", "Ming", "Hua", "Jun", "Xiao", "Yong", "Jie", "Tao", "Lei", "Bin",
                "Hui", "Qiang", "Ping", "Gang", "Fang", "Yan", "Ling", "Xin", "Hao", "Bo", "Chao", "Dong",
                "Guang", "Hai", "Kai", "Zhen", "Qing", "Shan"]
KR_FAMILY = [("Kim", []), ("Lee", ["Ri", "Yi"]), ("Park", ["Pak"]), ("Choi", ["Choe"]), ("Jung", ["Jeong", "Chung"]),
             ("Kang", []), ("Cho", ["Jo"]), ("Yoon", ["Yun"]), ("Jang", ["Chang"]), ("Lim", ["Rim"]), ("Han", []),
             ("Shin", ["Sin"]), ("Kwon", []), ("Hwang", []), ("Ahn", ["An"]), ("Ryu", ["Yoo"]), ("Hong", []), ("Ko", []),
             ("Moon", ["Mun"]), ("Song", [])]
KR_SYLLABLES = ["Jong", "Un", "Il", "Sung", "Min", "Ho", "Jae", "Hyun", "Soo", "Young", "Chul", "Woo", "Jin",
                "Seok", "Hee", "Kyung", "Dong", "Sang", "Tae", "Yong", "Myong", "Chol", "Nam", "Hak"]

ES_GIVEN_M = ["José", "Juan", "Carlos", "Luis", "Miguel", "Jorge", "Pedro", "Francisco", "Antonio", "Manuel",
              "Rafael", "Alejandro", "Fernando", "Ricardo", "Diego", "Javier", "Sergio", "Eduardo", "Roberto",
              "Andrés", "Joaquín", "Ramón", "Ignacio", "Gustavo", "Héctor"]
ES_GIVEN_F = ["María", "Ana", "Carmen", "Isabel", "Lucía", "Sofía", "Elena", "Gabriela", "Patricia", "Daniela",
              "Rosario", "Teresa", "Adriana", "Verónica"]
ES_FAMILY = ["García", "Rodríguez", "Martínez", "Hernández", "López", "González", "Pérez", "Sánchez", "Ramírez",
             "Torres", "Flores", "Rivera", "Gómez", "Díaz", "Cruz", "Morales", "Reyes", "Gutiérrez", "Ortiz",
             "Ramos", "Castillo", "Jiménez", "Moreno", "Romero", "Herrera", "Medina", "Aguilar", "Vargas",
             "Castro", "Mendoza", "Ruiz", "Álvarez", "Fernández", "Suárez", "Rojas", "Navarro", "Molina",
             "Delgado", "Guerrero", "Cabello", "Salazar", "Ochoa", "Escobar", "Guzmán", "Zambada",
             "Carrillo", "Arellano", "Quintero", "Villanueva", "Espinoza", "Cárdenas", "Sandoval", "Valencia",
             "Montoya", "Bermúdez", "Echeverría", "Pacheco", "Urdaneta", "Saavedra", "Rondón"]
EN_GIVEN_M = ["John", "James", "Robert", "Michael", "William", "David", "Richard", "Joseph", "Thomas", "Charles",
              "Christopher", "Daniel", "Matthew", "Anthony", "Mark", "Steven", "Paul", "Andrew", "Joshua",
              "Kevin", "Brian", "George", "Edward", "Ronald", "Timothy"]
EN_GIVEN_F = ["Mary", "Patricia", "Jennifer", "Linda", "Elizabeth", "Barbara", "Susan", "Jessica", "Sarah",
              "Karen", "Nancy", "Margaret", "Sandra", "Ashley", "Emily"]
EN_FAMILY = ["Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Anderson", "Taylor",
             "Moore", "Jackson", "Martin", "Thompson", "White", "Harris", "Clark", "Lewis", "Robinson", "Walker",
             "Young", "Allen", "King", "Wright", "Scott", "Hill", "Green", "Adams", "Baker", "Nelson", "Carter",
             "Mitchell", "Roberts", "Turner", "Phillips", "Campbell", "Parker", "Evans", "Edwards", "Collins",
             "Stewart", "Morris", "Murphy", "Cook", "Rogers", "Morgan", "Cooper", "Peterson", "Reed", "Bailey",
             "Bell", "Kelly", "Howard", "Ward", "Cox", "Richardson", "Wood", "Watson", "Brooks", "Bennett",
             "Gray", "Hughes", "Price", "Sanders", "Myers", "Long", "Ross", "Foster", "Fitzgerald", "O'Connor"]
TR_GIVEN_M = ["Mehmet", "Mustafa", "Ahmet", "Hüseyin", "İbrahim", "İsmail", "Osman", "Murat", "Ömer", "Ramazan",
              "Halil", "Süleyman", "Emre", "Burak", "Serkan"]
TR_GIVEN_F = ["Ayşe", "Fatma", "Emine", "Hatice", "Zeynep", "Elif", "Özlem"]
TR_FAMILY = ["Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Yıldırım", "Öztürk", "Aydın", "Özdemir",
             "Arslan", "Doğan", "Kılıç", "Aslan", "Çetin", "Kara", "Koç", "Kurt", "Özkan", "Şimşek", "Erdoğan",
             "Korkmaz", "Güneş", "Aksoy", "Polat"]
AF_GIVEN_M = ["Abubakar", "Musa", "Aliyu", "Usman", "Chukwuemeka", "Oluwaseun", "Adebayo", "Kwame", "Kofi",
              "Amadou", "Moussa", "Mamadou", "Ousmane", "Babajide", "Emeka"]
AF_GIVEN_F = ["Aminata", "Fatoumata", "Ngozi", "Chiamaka", "Folasade", "Adwoa"]
AF_FAMILY = ["Okafor", "Okonkwo", "Adeyemi", "Ogunleye", "Danjuma", "Diallo", "Traoré", "Keita", "Coulibaly",
             "Touré", "Mensah", "Owusu", "Boateng", "Asante", "Koné", "Sankara", "Ouédraogo", "Obi", "Nwosu",
             "Eze", "Balogun", "Bamidele", "Sesay", "Kamara", "Conteh"]

ORG_WORDS_A = ["Golden", "Silver", "Eastern", "Northern", "Pacific", "Caspian", "Gulf", "Atlas", "Falcon", "Orient",
               "Crescent", "Phoenix", "Sapphire", "Horizon", "Meridian", "Baltic", "Amur", "Sahara", "Delta",
               "Zenith", "Kish", "Arvand", "Tanker", "Polar", "Sinai", "Levant", "Aral", "Volga", "Ural", "Nile"]
ORG_WORDS_B = ["Star", "Sea", "Bridge", "Gate", "Line", "Ocean", "Crown", "River", "Stone", "Wing", "Peak", "Field"]
ORG_WORDS_C = ["Trading", "Shipping", "Petroleum", "Industries", "Investment", "Holding", "Logistics", "Bank",
               "Exchange", "Engineering", "Chemicals", "Metals", "Aviation", "Electronics", "Maritime", "Energy"]
ORG_SUFFIX = ["LLC", "Ltd", "Co.", "FZE", "JSC", "GmbH", "Limited", "PJSC", "S.A.", "OOO", "Inc."]

# Publicly sanctioned names (OFAC, EU, UN, UK), with original script where lists give it.
REAL = [
    ("person", "PUTIN, Vladimir Vladimirovich", ["Владимир Владимирович Путин"], "1952-10-07", "RU"),
    ("person", "LAVROV, Sergei Viktorovich", ["Сергей Викторович Лавров"], "1950-03-21", "RU"),
    ("person", "KIM, Jong Un", ["KIM, Jong-un"], "1984-01-08", "KP"),
    ("person", "MADURO MOROS, Nicolas", [], "1962-11-23", "VE"),
    ("person", "KADYROV, Ramzan Akhmatovich", ["Рамзан Ахматович Кадыров"], "1976-10-05", "RU"),
    ("person", "AL-ZAWAHIRI, Ayman Muhammed Rabi", ["أيمن محمد ربيع الظواهري"], "1951-06-19", "EG"),
    ("person", "AL-ASSAD, Bashar", ["بشار الأسد"], "1965-09-11", "SY"),
    ("person", "KHAMENEI, Ali Hosseini", ["علی حسینی خامنه‌ای"], "1939-07-17", "IR"),
    ("person", "LUKASHENKA, Aliaksandr Ryhoravich", ["Аляксандр Рыгоравіч Лукашэнка", "LUKASHENKO, Alexander Grigoryevich"], "1954-08-30", "BY"),
    ("person", "SECHIN, Igor Ivanovich", ["Игорь Иванович Сечин"], "1960-09-07", "RU"),
    ("person", "USMANOV, Alisher Burhanovich", [], "1953-09-09", "RU"),
    ("person", "ABRAMOVICH, Roman Arkadyevich", ["Роман Аркадьевич Абрамович"], "1966-10-24", "RU"),
    ("person", "DERIPASKA, Oleg Vladimirovich", ["Олег Владимирович Дерипаска"], "1968-01-02", "RU"),
    ("person", "VEKSELBERG, Viktor Feliksovich", [], "1957-04-14", "RU"),
    ("person", "ROTENBERG, Arkady Romanovich", [], "1951-12-15", "RU"),
    ("person", "TIMCHENKO, Gennady Nikolayevich", [], "1952-11-09", "FI"),
    ("person", "PRIGOZHIN, Yevgeniy Viktorovich", ["Евгений Викторович Пригожин"], "1961-06-01", "RU"),
    ("person", "NASRALLAH, Hassan", ["حسن نصرالله"], "1960-08-31", "LB"),
    ("person", "HANIYA, Ismail", ["HANIYEH, Ismail", "إسماعيل هنية"], "1962-01-29", "PS"),
    ("person", "GUZMAN LOERA, Joaquin", ["EL CHAPO"], "1954-04-04", "MX"),
    ("person", "MIN AUNG HLAING", [], "1956-07-03", "MM"),
    ("person", "ORTEGA SAAVEDRA, Jose Daniel", [], "1945-11-11", "NI"),
    ("person", "CABELLO RONDON, Diosdado", [], "1963-04-15", "VE"),
    ("person", "EL AISSAMI MADDAH, Tareck Zaidan", [], "1974-11-12", "VE"),
    ("person", "SOLEIMANI, Qasem", ["قاسم سلیمانی"], "1957-03-11", "IR"),
    ("organization", "BANK MELLI IRAN", ["MELLI BANK PLC"], None, None),
    ("organization", "ROSNEFT OIL COMPANY", ["ROSNEFT", "NK ROSNEFT PAO"], None, None),
    ("organization", "SBERBANK OF RUSSIA", ["PUBLIC JOINT STOCK COMPANY SBERBANK OF RUSSIA"], None, None),
    ("organization", "VTB BANK PUBLIC JOINT STOCK COMPANY", ["VTB BANK PJSC"], None, None),
    ("organization", "PMC WAGNER", ["WAGNER GROUP", "ЧВК Вагнер"], None, None),
    ("organization", "HIZBALLAH", ["HEZBOLLAH", "PARTY OF GOD"], None, None),
    ("organization", "HAMAS", ["ISLAMIC RESISTANCE MOVEMENT"], None, None),
    ("organization", "AL-SHABAAB", ["HARAKAT SHABAAB AL-MUJAHIDIN"], None, None),
    ("organization", "ISLAMIC REVOLUTIONARY GUARD CORPS", ["IRGC", "SEPAH"], None, None),
    ("organization", "KOREA KWANGSON BANKING CORP", ["KKBC"], None, None),
]
